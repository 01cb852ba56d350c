"""Reads for partner agencies, scoped to the user (a partner sees only its organisation's
referrals' status) or to the API token (its organisation and contracts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.partners.models import (
    ApiToken,
    PartnerContract,
    PartnerMembership,
    PartnerOrganisation,
    PartnerReferral,
)
from haven.referrals.models import Decision, DeclineCategory

STATUS_OF_DECISION = {
    Decision.PENDING: "received",
    Decision.ACCEPTED: "accepted",
    Decision.DECLINED: "declined",
}
STATUS_LABELS = {"received": "Received", "accepted": "Accepted", "declined": "Declined"}


def partner_membership_of(user: Viewer) -> PartnerMembership:
    """The signed-in partner's membership; 403 for anyone else (staff, superusers too)."""
    if not isinstance(user, User) or not user.has_perm("partners.use_partner_pages"):
        raise PermissionDenied
    membership = (
        PartnerMembership.objects.select_related("organisation")
        .filter(user=user, active=True, organisation__active=True)
        .first()
    )
    if membership is None:
        raise PermissionDenied
    return membership


@dataclass(frozen=True)
class ReferralStatus:
    """What a partner may know of a referral: never the person's details or casework."""

    id: Any
    contract_slug: str
    contract_name: str
    status: str
    received_at: datetime
    decided_at: datetime | None
    decline_category: str
    decline_reason: str
    partner_reference: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def status_of(link: PartnerReferral) -> ReferralStatus:
    referral = link.referral
    declined = referral.decision == Decision.DECLINED
    category = (
        DeclineCategory(referral.decline_category).label
        if declined and referral.decline_category in DeclineCategory.values
        else ""
    )
    return ReferralStatus(
        id=referral.pk,
        contract_slug=referral.contract.slug,
        contract_name=referral.contract.name,
        status=STATUS_OF_DECISION[Decision(referral.decision)],
        received_at=referral.received_at,
        decided_at=referral.decided_at,
        decline_category=str(category),
        decline_reason=referral.decision_reason if declined else "",
        partner_reference=link.partner_reference,
    )


def _links() -> QuerySet[PartnerReferral]:
    return PartnerReferral.objects.select_related("referral", "referral__contract").order_by(
        "-referral__received_at"
    )


def partner_referral_statuses(organisation: PartnerOrganisation) -> list[ReferralStatus]:
    """The organisation's referrals, newest first, as statuses only."""
    return [status_of(link) for link in _links().filter(organisation=organisation)[:500]]


def partner_contracts_of(organisation: PartnerOrganisation) -> QuerySet[PartnerContract]:
    return organisation.contract_links.select_related("contract").filter(
        contract__provider__isnull=False
    )


def partner_contract_by_slug(organisation: PartnerOrganisation, slug: str) -> PartnerContract:
    """The organisation's link to the contract, or 404 (another organisation's contract too)."""
    link = partner_contracts_of(organisation).filter(contract__slug=slug).first()
    if link is None:
        raise Http404
    return link


# --- API (the token is the scope) ----------------------------------------------------------


def token_contract(token: ApiToken, slug: str) -> Contract | None:
    """A contract in the token's scope that its organisation still refers to."""
    return (
        token.contracts.filter(
            slug=slug,
            provider__isnull=False,
            partner_links__organisation_id=token.organisation_id,
        )
        .select_related("provider")
        .first()
    )


def token_contracts(token: ApiToken) -> QuerySet[Contract]:
    return token.contracts.filter(
        provider__isnull=False, partner_links__organisation_id=token.organisation_id
    ).order_by("slug")


def token_referral_status(token: ApiToken, referral_id: Any) -> ReferralStatus | None:
    """A referral the token's organisation made to a contract in the token's scope."""
    link = (
        _links()
        .filter(
            referral_id=referral_id,
            organisation_id=token.organisation_id,
            referral__contract__in=token.contracts.all(),
        )
        .first()
    )
    return status_of(link) if link is not None else None


# --- staff pages -----------------------------------------------------------------------------


def partner_organisations_for(user: Viewer) -> QuerySet[PartnerOrganisation]:
    if user is None or not user.has_perm("partners.view_organisations"):
        raise PermissionDenied
    return PartnerOrganisation.objects.annotate(
        referral_count=Count("referrals", distinct=True),
        member_count=Count("memberships", distinct=True),
    ).prefetch_related("contract_links__contract")


def api_tokens_for(user: Viewer) -> QuerySet[ApiToken]:
    if user is None or not user.has_perm("partners.manage_tokens"):
        raise PermissionDenied
    return ApiToken.objects.select_related("organisation").prefetch_related("contracts")


def api_token_for(user: Viewer, token_id: Any) -> ApiToken:
    token = api_tokens_for(user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token


def token_organisations_for(user: Viewer) -> QuerySet[PartnerOrganisation]:
    """Active organisations that refer to at least one service (a token needs one)."""
    if user is None or not user.has_perm("partners.manage_tokens"):
        raise PermissionDenied
    return PartnerOrganisation.objects.filter(
        active=True, contract_links__contract__provider__isnull=False
    ).distinct()
