"""Every write for partner agencies: memberships, referrals by form or API, API tokens.

Keyword-only, atomic and audited (STYLE habit 1). A partner's referral goes through the same
services as a member of staff's (people's ``person_create``/``safe_contact_update`` and
referrals' ``referral_create``) with the organisation's route for the contract.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from haven.accounts.models import User
from haven.consent.models import Share, ShareBasis, ShareKind
from haven.consent.services import share_record_once
from haven.contracts.models import Contract
from haven.core.auditor import audit_event, audit_record
from haven.core.models import AuditAction
from haven.partners.models import (
    ApiToken,
    IdempotentRequest,
    PartnerContract,
    PartnerMembership,
    PartnerOrganisation,
    PartnerReferral,
    RateWindow,
)
from haven.people.services import (
    PersonDetails,
    SafeContactDetails,
    person_create,
    safe_contact_update,
)
from haven.referrals.models import ContactMethod, ReceivedVia, Referral
from haven.referrals.services import referral_create
from haven.validators import refuse, text_problem

FORM_SOURCE = "partner_form"
API_SOURCE = "partner_api"
TOKEN_PREFIX = "hvn"  # noqa: S105 - the marker every token starts with
TOKEN_LONGEST_LIFE = timedelta(days=366)
RATE_WINDOW = timedelta(minutes=1)
REFERENCE_MAX_LENGTH = 100

# What a partner may tell about the referral (the rest of Referral is staff's to record).
REFERRAL_DETAILS = frozenset(
    {
        "referrer_name",
        "referrer_contact",
        "incident_at",
        "contact_method",
        "consent_to_contact",
        "primary_support_need",
        "referrer_risk_level",
        "risk_indicators",
        "priority",
        "presenting_need",
    }
)


class RateLimitedError(Exception):
    """Too many requests for this token in the current minute."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("Too many requests")
        self.retry_after = retry_after


class IdempotencyConflictError(Exception):
    """The Idempotency-Key was used before with a different body."""


# --- memberships ---------------------------------------------------------------------------


@transaction.atomic
def partner_membership_grant(
    *, user: User, organisation: PartnerOrganisation, granted_by: User | None
) -> PartnerMembership:
    """Make ``user`` a referrer for ``organisation`` (the Partner agency role). A member of
    staff cannot be a partner too: a partner holds no staff membership (issue 14 item 6)."""
    if user.memberships.exists():
        raise ValidationError(
            {"user": "This person has a staff role: a partner account holds no staff role"}
        )
    membership, created = PartnerMembership.objects.get_or_create(
        user=user, defaults={"organisation": organisation}
    )
    if not created and (membership.organisation_id != organisation.pk or not membership.active):
        membership.organisation = organisation
        membership.active = True
        membership.save(update_fields=["organisation", "active", "updated_at"])
        created = True
    if created:
        audit_event(
            actor=granted_by,
            action=AuditAction.PERMISSION_GRANTED,
            target=user,
            changes={"role": [None, "partner"], "partner_organisation": [None, organisation.pk]},
        )
    return membership


@transaction.atomic
def partner_membership_end(*, membership: PartnerMembership, ended_by: User | None) -> None:
    membership.active = False
    membership.save(update_fields=["active", "updated_at"])
    audit_event(
        actor=ended_by,
        action=AuditAction.PERMISSION_REVOKED,
        target=membership.user,
        changes={"role": ["partner", None]},
    )


@transaction.atomic
def partner_contract_link(
    *, organisation: PartnerOrganisation, contract: Contract, route: str, linked_by: User | None
) -> PartnerContract:
    """Let the organisation refer to the contract by ``route``, which the contract's profile
    must list (seed 002 Lot 2 s1, s3.1: target hardening takes referrals only from its two
    victim support services, by their routes)."""
    routes = {r.get("key") for r in contract.profile.get("referral_routes") or []}
    if routes and route not in routes:
        raise ValidationError({"route": f"{contract.name} has no referral route '{route}'"})
    link, _ = PartnerContract.objects.update_or_create(
        organisation=organisation, contract=contract, defaults={"route": route}
    )
    audit_event(
        actor=linked_by,
        action=AuditAction.UPDATE,
        target=organisation,
        changes={"contract": [None, contract.pk], "route": [None, route]},
    )
    return link


# --- referrals -----------------------------------------------------------------------------


def _contact_method_problem(contract: Contract, method: str) -> str | None:
    offered = list(contract.profile.get("contact_methods") or [])
    if not method:
        return "Select how the person wants to be contacted"
    if method not in ContactMethod.values or (offered and method not in offered):
        return f"{contract.name} cannot contact people by this method"
    return None


@transaction.atomic
def partner_referral_submit(
    *,
    organisation: PartnerOrganisation,
    contract: Contract,
    submitted_by: User | None,
    person: PersonDetails,
    safe_contact: SafeContactDetails,
    details: dict[str, Any],
    token: ApiToken | None = None,
    partner_reference: str = "",
) -> Referral:
    """A partner's referral: the person, their safe-contact answers and the referral, by the
    organisation's route for the contract, all or nothing.

    ``submitted_by`` is the partner user of the form, None for a partner system (the API)."""
    link = PartnerContract.objects.filter(organisation=organisation, contract=contract).first()
    if link is None or not organisation.active:
        raise PermissionDenied("This organisation does not refer to this service")
    if contract.provider_id is None:
        raise PermissionDenied("This service takes no referrals yet")
    unknown = set(details) - REFERRAL_DETAILS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    refuse(
        {
            "contact_method": _contact_method_problem(contract, details.get("contact_method", "")),
            "partner_reference": text_problem(
                partner_reference, subject="Your reference", limit=REFERENCE_MAX_LENGTH
            ),
        }
    )
    # people's services take a user as the recorder; a partner system records as the system
    recorder = cast(User, submitted_by)
    new_person = person_create(created_by=recorder, details=person, organisation=contract.provider)
    safe_contact_update(person=new_person, updated_by=recorder, preferences=safe_contact)
    referral = referral_create(
        contract=contract,
        person=new_person,
        entered_by=submitted_by,
        route=link.route,
        received_at=timezone.now(),
        source=API_SOURCE if token is not None else FORM_SOURCE,
        received_via=ReceivedVia.REFERRAL_FORM,
        source_organisation=organisation.name,
        **details,
    )
    PartnerReferral.objects.create(
        referral=referral,
        organisation=organisation,
        submitted_by=submitted_by,
        token=token,
        partner_reference=partner_reference,
    )
    return referral


# --- API tokens ----------------------------------------------------------------------------


def token_hash(raw: str) -> str:
    """SHA-256 of the whole token (a random 256-bit secret: no salt or stretching needed)."""
    return hashlib.sha256(raw.encode()).hexdigest()


def prefix_of(raw: str) -> str | None:
    """``hvn_<prefix>_<secret>`` → prefix; None for anything else."""
    parts = raw.split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not 8 <= len(parts[1]) <= 16:
        return None
    return parts[1]


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    raw: str  # shown once, never stored


@transaction.atomic
def api_token_create(
    *,
    organisation: PartnerOrganisation,
    name: str,
    contracts: list[Contract],
    expires_at: datetime,
    created_by: User | None,
    rate_limit_per_minute: int = 60,
) -> NewToken:
    """A token for the organisation's system, scoped to contracts it refers to, expiring."""
    linked = set(organisation.contract_links.values_list("contract_id", flat=True))
    now = timezone.now()
    refuse(
        {
            "name": "Enter what the token is for"
            if not name.strip()
            else text_problem(name, subject="The token's name", limit=100),
            "contracts": "Select at least one service"
            if not contracts
            else (
                "The organisation does not refer to every service selected"
                if any(c.pk not in linked for c in contracts)
                else None
            ),
            "expires_at": "The expiry must be in the future"
            if expires_at <= now
            else (
                "A token lasts at most a year" if expires_at > now + TOKEN_LONGEST_LIFE else None
            ),
            "rate_limit_per_minute": "The rate limit must be between 1 and 10,000 a minute"
            if not 1 <= rate_limit_per_minute <= 10_000
            else None,
        }
    )
    prefix = secrets.token_hex(6)
    raw = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=prefix,
        key_hash=token_hash(raw),
        expires_at=expires_at,
        created_by=created_by,
        rate_limit_per_minute=rate_limit_per_minute,
    )
    token.contracts.set(contracts)
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=token,
        changes={
            "prefix": [None, prefix],
            "contracts": [None, sorted(str(c.pk) for c in contracts)],
            "expires_at": [None, expires_at],
        },
    )
    return NewToken(token=token, raw=raw)


@transaction.atomic
def api_token_revoke(*, token: ApiToken, revoked_by: User | None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = revoked_by
        token.save(update_fields=["revoked_at", "revoked_by", "updated_at"])
        audit_event(
            actor=revoked_by,
            action=AuditAction.UPDATE,
            target=token,
            changes={"revoked_at": [None, token.revoked_at]},
        )
    return token


def api_token_find(raw: str) -> ApiToken | None:
    """The live token (not revoked, not expired, its organisation active) for ``raw``."""
    prefix = prefix_of(raw)
    if prefix is None:
        return None
    token = (
        ApiToken.objects.select_related("organisation")
        .filter(prefix=prefix, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.organisation.active:
        return None
    if not hmac.compare_digest(token.key_hash, token_hash(raw)):
        return None
    return token


def api_token_use_record(*, token: ApiToken, method: str, endpoint: str) -> None:
    """Every use is audited (issue 14 item 7) and the token's last use kept. ``endpoint`` is
    the path (ids only, never personal data)."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    event = audit_record(
        actor=None,
        action=AuditAction.CREATE if method == "POST" else AuditAction.VIEW,
        target=token,
        changes={"api_request": [None, f"{method} {endpoint[:200]}"]},
    )
    event.actor_label = f"API token {token.prefix} ({token.organisation.name})"[:200]
    event.save()


def rate_limit_take(*, token: ApiToken, now: datetime | None = None) -> None:
    """Count one request in the token's current minute; RateLimitedError past its limit.
    Kept in the database so every worker process counts together."""
    now = now or timezone.now()
    start = now.replace(second=0, microsecond=0)
    with transaction.atomic():
        try:
            with transaction.atomic():
                window, _ = RateWindow.objects.get_or_create(token=token, window_start=start)
        except IntegrityError:  # another worker made it first
            window = RateWindow.objects.get(token=token, window_start=start)
        counted = RateWindow.objects.filter(
            pk=window.pk, count__lt=token.rate_limit_per_minute
        ).update(count=F("count") + 1)
        RateWindow.objects.filter(token=token, window_start__lt=start - timedelta(hours=1)).delete()
    if not counted:
        retry_after = int((start + RATE_WINDOW - now).total_seconds()) + 1
        raise RateLimitedError(retry_after)


def body_hash(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()


def idempotent_referral(*, token: ApiToken, key: str, canonical_body: str) -> Referral | None:
    """The referral an earlier POST with this key made; IdempotencyConflictError when that
    POST's body differed."""
    earlier = (
        IdempotentRequest.objects.select_related("referral").filter(token=token, key=key).first()
    )
    if earlier is None:
        return None
    if earlier.body_hash != body_hash(canonical_body):
        raise IdempotencyConflictError
    return earlier.referral


def idempotency_record(
    *, token: ApiToken, key: str, canonical_body: str, referral: Referral
) -> None:
    """Keep the key with the referral (inside the referral's transaction: both or neither)."""
    IdempotentRequest.objects.create(
        token=token, key=key, body_hash=body_hash(canonical_body), referral=referral
    )


# issue 15 item 2: the referrer is told the decision on its referral. Once per referral and
# decision, the share register records it: the person's consent to share with the partner when
# one is recorded, else the public task of returning a referral's outcome to the agency that
# made it (reference.md s7: Art 6(1)(e)), with that reason.
PARTNER_STATUS_REASON = (
    "The agency that made the referral is told whether it was accepted or declined"
)


@transaction.atomic
def partner_statuses_shared(
    *, statuses: list[Any], organisation: PartnerOrganisation, shown_to: User | None
) -> None:
    """Record, in the share register, each decision shown to the partner for the first time
    (a referral still waiting shares nothing the partner did not send)."""
    from haven.consent.services import share_check

    decided = [status for status in statuses if status.status != "received"]
    if not decided:
        return
    referrals = Referral.objects.filter(pk__in=[s.id for s in decided]).select_related(
        "contract__provider", "person"
    )
    labels = {status.id: status.status_label for status in decided}
    already = set(
        Share.objects.filter(
            kind=ShareKind.PARTNER_STATUS,
            recipient=organisation.name,
            source_app="referrals",
            source_model="referral",
            source_id__in=[str(status.id) for status in decided],
        ).values_list("source_id", "purpose")
    )
    for referral in referrals:
        purpose = f"Referral status: {labels[referral.pk]}"
        if (str(referral.pk), purpose) in already:
            continue  # shown before: nothing new shared
        covered = share_check(
            person=referral.person, recipient=organisation.name, purpose=purpose
        ).covered
        share_record_once(
            person=referral.person,
            organisation=referral.contract.provider,
            recipient=organisation.name,
            purpose=purpose,
            kind=ShareKind.PARTNER_STATUS,
            basis=ShareBasis.CONSENT if covered else ShareBasis.PUBLIC_TASK,
            reason="" if covered else PARTNER_STATUS_REASON,
            shared_by=shown_to,
            source=referral,
        )
