"""Reads of referrals and the people and contracts a referral can be made for, scoped to the user."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, ExpressionWrapper, QuerySet
from django.http import Http404

from haven.access.break_glass import reason_for_case, restricted_person_grant
from haven.access.errors import RestrictedElsewhereError
from haven.access.restriction import restricted_q
from haven.access.scope import TEAM_ROLES, change_organisations_of, referral_visible_q
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.people.models import Person
from haven.people.reference_codes import normalise
from haven.people.selectors import is_restricted_for, people_visible_to
from haven.referrals.models import Decision, Referral

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant


def referrals_visible_to(user: Viewer) -> QuerySet[Referral]:
    """Referrals to the user's provider's contracts; once a case is open, only if the case is visible."""
    if not user.has_perm("referrals.view_referrals"):
        raise PermissionDenied
    return Referral.objects.filter(referral_visible_q(user)).select_related(
        "contract", "person", "entered_by"
    )


def referral_list_for(user: Viewer) -> QuerySet[Referral]:
    """The referral list's rows, each with ``person_restricted``: the person has a restricted
    case the user is not named on, so the list shows neither their name nor their code."""
    return referrals_visible_to(user).annotate(
        person_restricted=ExpressionWrapper(restricted_q(user, "person__"), BooleanField())
    )


class PersonRestrictedError(Exception):
    """The referral is for a person restricted for this user whose restricted cases are all
    outside the user's scope: the page says so, and shows nothing about the person."""


def pending_referral_count(user: Viewer) -> int:
    """Referrals waiting for a decision that this user can see (the intake queue)."""
    return referrals_visible_to(user).filter(decision=Decision.PENDING).count()


@dataclass(frozen=True)
class ReadableReferral:
    """A referral this user may read, and the break-glass grant if its restricted case needed one."""

    referral: Referral
    grant: BreakGlassGrant | None = None


def referral_for_reading(user: Viewer, referral_id: Any) -> ReadableReferral:
    """The referral page's read. A referral behind a restricted case the user is not named on
    is treated as the case page treats the case: ReasonRequiredError (carrying the case id)
    without a current reason, 404 outside their scope. A referral for a person restricted for
    this user through another case (a new referral for someone already restricted) asks for a
    reason on that case, or raises PersonRestrictedError when none of their restricted cases is
    in scope. Nothing about the person is loaded first."""
    reachable = referrals_visible_to(user).filter(pk=referral_id)
    person_id = reachable.values_list("person_id", flat=True).first()
    if person_id is not None:
        grant = None
        if is_restricted_for(user, person_id):
            try:
                grant = restricted_person_grant(user, person_id)
            except RestrictedElsewhereError:
                raise PersonRestrictedError from None
        return ReadableReferral(reachable.get(), grant)
    case_id = (
        Referral.objects.filter(pk=referral_id, case__is_restricted=True)
        .values_list("case", flat=True)
        .first()
    )
    if case_id is None:
        raise Http404("No such referral")
    grant = reason_for_case(user, case_id)  # 404 outside scope; ReasonRequiredError
    referral = (
        Referral.objects.select_related("contract", "person", "entered_by")
        .filter(pk=referral_id)
        .get()
    )
    return ReadableReferral(referral, grant)


def referral_contracts_for(user: Viewer) -> QuerySet[Contract]:
    """Active contracts the user may refer into (their provider organisations)."""
    if not user.has_perm("referrals.create_referral"):
        raise PermissionDenied
    contracts = Contract.objects.filter(is_active=True).select_related("provider")
    if user.is_superuser:
        return contracts
    return contracts.filter(provider_id__in=change_organisations_of(user))


def referral_contract_for_user(user: Viewer, contract_id: Any) -> Contract:
    contract = referral_contracts_for(user).filter(pk=contract_id).first()
    if contract is None:
        raise Http404("No such contract")
    return contract


def person_by_reference(user: Viewer, reference_code: str) -> Person | None:
    """A person the user may see, by reference code (any spacing or case)."""
    try:
        code = normalise(reference_code)
    except ValueError:
        return None
    return people_visible_to(user).filter(reference_code=code).first()


def person_for_referral(user: Viewer, person_id: Any) -> Person | None:
    """A person the user may see, by id from the query string (None when malformed or hidden)."""
    try:
        key = uuid.UUID(str(person_id))
    except ValueError:
        return None
    return people_visible_to(user).filter(pk=key).first()


def intake_team_for(user: User, contract: Contract) -> Any:
    """The team a case accepted by this user joins: their team in the contract's provider, where
    they are a caseworker or team leader (so the case can be allocated to them there)."""
    for membership in user.memberships.select_related("team").all():
        in_provider = membership.organisation_id == contract.provider_id
        if membership.team_id and in_provider and membership.role in TEAM_ROLES:
            return membership.team
    return None
