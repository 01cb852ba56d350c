"""Allocation, restriction, named staff and break-glass reads of restricted cases."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from haven.access.scope import TEAM_ROLES
from haven.accounts.models import Membership, User
from haven.casework.allocation_hooks import new_case_refusals
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import BreakGlassGrant, Case, CaseAccess, CaseState
from haven.casework.services.events import case_event_record
from haven.casework.services.states import case_state_change
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import HouseholdLink
from haven.validators import REASON_MAX_LENGTH, refuse, text_problem

BREAK_GLASS_HOURS = 8
# A new case for a person with a restricted case opens restricted (case_open_from_referral and
# the workbook's bulk import word it the same way).
RESTRICTED_ON_OPENING = (
    "Opened restricted to named staff: the person, or someone whose household they are in, "
    "has a restricted case"
)


class AllocationRefusedError(Exception):
    """Not a worker and team this case can be allocated to; `field` names the one at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def allocation_refusal(*, case: Case, allocated_to: Any, team: Any) -> tuple[str, str] | None:
    """(field, reason) when this worker/team pair cannot take the case, else None.

    A case goes to a team of its contract's provider, and a worker only with their team: an
    active caseworker or team leader of that team (anyone else could not see the case)."""
    if team is not None and team.organisation_id != case.contract.provider_id:
        return "team", f"{team} is not a team of this case's service"
    if allocated_to is None:
        return None
    name = allocated_to.get_full_name() or "This member of staff"
    if team is None:
        return "team", f"Choose {name}'s team: a worker takes a case in their team"
    if not allocated_to.is_active:
        return "allocated_to", f"{name} no longer works in Haven"
    member = Membership.objects.filter(user=allocated_to, team=team, role__in=TEAM_ROLES)
    if not member.exists():
        return "allocated_to", f"{name} is not a caseworker or team leader in {team}"
    if case.allocated_to_id != allocated_to.pk:
        # seed 002 Lot 1 s12, s15: no new case for a worker whose vetting has lapsed (the
        # workforce app's check, allocation_hooks); a case they already hold is not new
        refused = new_case_refusals([allocated_to.pk]).get(allocated_to.pk)
        if refused:
            return "allocated_to", f"{name} cannot take new cases: {refused}"
    return None


@transaction.atomic
def case_allocate(
    *, case: Case, allocated_by: User, allocated_to: Any = None, team: Any = None
) -> Case:
    """Allocate the case to a team, or to a worker in their team (None clears); any other pair
    raises AllocationRefusedError before anything changes."""
    refusal = allocation_refusal(case=case, allocated_to=allocated_to, team=team)
    if refusal is not None:
        raise AllocationRefusedError(*refusal)
    before = {"allocated_to": case.allocated_to_id, "team": case.team_id}
    case.allocated_to, case.team = allocated_to, team
    case.save(update_fields=["allocated_to", "team", "updated_at"])
    # the tasks carry the allocation so worklists can find them by index
    case.tasks.update(allocated_to=allocated_to, team=team)
    after = {"allocated_to": case.allocated_to_id, "team": case.team_id}
    changes = {k: [before[k], after[k]] for k in before if before[k] != after[k]}
    audit_event(actor=allocated_by, action=AuditAction.UPDATE, target=case, changes=changes)
    if case.is_restricted and allocated_to is not None:
        CaseAccess.objects.get_or_create(
            case=case, user=allocated_to, defaults={"granted_by": allocated_by}
        )
    who = allocated_to.get_full_name() if allocated_to is not None else "nobody"
    where = f" in {team}" if team is not None else ""
    case_event_record(
        case=case,
        kind=CaseEventKind.ALLOCATED,
        actor=allocated_by,
        target=case,
        summary=f"Allocated to {who}{where}",
        data={k: str(v) for k, v in after.items()},
    )
    if (
        case.state == CaseState.WAITING_LIST
        and allocated_to is not None
        and before["allocated_to"] != allocated_to.pk
    ):
        # issue 13 (seed 003 s7): a case leaves the waiting list by allocation: a new worker
        # taking it starts the support (the wait ends as "support started", with why)
        case_state_change(
            case=case,
            to_state=CaseState.ENGAGED,
            changed_by=allocated_by,
            reason=f"Allocated to {who}{where}",
        )
    return case


@transaction.atomic
def case_restriction_set(*, case: Case, restricted: bool, changed_by: User, reason: str) -> Case:
    """Restrict the case to named staff (the one restricting and the allocated worker are named).

    A restriction protects the person, not one piece of work: the person's other cases are
    restricted with it, each naming its own allocated worker so their work goes on. Lifting a
    restriction lifts it from this case only.
    """
    refuse({"reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)})
    _restriction_change(case, restricted, changed_by, reason, summary=None)
    if restricted:
        others = Case.objects.filter(person_id=case.person_id, is_restricted=False).exclude(
            pk=case.pk
        )
        for other in others.select_related("allocated_to"):
            _restriction_change(
                other,
                True,
                changed_by,
                reason,
                summary=f"Restricted to named staff with the person's other case: {reason}",
            )
        _restrict_household(case, changed_by, reason)
    return case


def _restrict_household(case: Case, changed_by: User, reason: str) -> None:
    """ADR 0008: the cases of the people in the person's household (children share the
    address) are restricted with it, naming whoever is named on the person's restricted cases
    so the same staff keep the family's work."""
    named = inherited_restriction(case.person_id) or set()
    members = HouseholdLink.objects.filter(person_id=case.person_id).values("member_id")
    for other in Case.objects.filter(person_id__in=members, is_restricted=False).select_related(
        "allocated_to"
    ):
        _restriction_change(
            other,
            True,
            changed_by,
            reason,
            summary=f"Restricted to named staff with a case in the household: {reason}",
        )
        for user_id in named:
            CaseAccess.objects.get_or_create(
                case=other, user_id=user_id, defaults={"granted_by": changed_by}
            )


def _restriction_change(
    case: Case, restricted: bool, changed_by: User, reason: str, summary: str | None
) -> None:
    before = case.is_restricted
    case.is_restricted = restricted
    case.save(update_fields=["is_restricted", "updated_at"])
    if restricted:
        for user in {changed_by, case.allocated_to} - {None}:
            CaseAccess.objects.get_or_create(
                case=case, user=user, defaults={"granted_by": changed_by}
            )
    audit_event(
        actor=changed_by,
        action=AuditAction.UPDATE,
        target=case,
        changes={"is_restricted": [before, restricted]},
        reason=reason,
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.RESTRICTION,
        actor=changed_by,
        target=case,
        summary=summary
        or ("Restricted to named staff" if restricted else "Restriction removed") + f": {reason}",
    )


def inherited_restriction(person_id: Any) -> set[Any] | None:
    """For a person with a restricted case, or in the household of one (ADR 0008): the ids of
    the staff named on those restricted cases (a new case for them opens restricted, naming
    these); None when there are none."""
    households = HouseholdLink.objects.filter(member_id=person_id).values("person_id")
    named = list(
        Case.objects.filter(
            Q(person_id=person_id) | Q(person_id__in=households), is_restricted=True
        ).values_list("accesses__user_id", flat=True)
    )
    if not named:
        return None
    return {user_id for user_id in named if user_id is not None}


@transaction.atomic
def case_access_grant(*, case: Case, user: User, granted_by: User) -> CaseAccess:
    access, _ = CaseAccess.objects.get_or_create(
        case=case, user=user, defaults={"granted_by": granted_by}
    )
    audit_event(
        actor=granted_by,
        action=AuditAction.PERMISSION_GRANTED,
        target=case,
        changes={"named_staff": [None, user.email]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.NAMED_STAFF,
        actor=granted_by,
        target=case,
        summary=f"{user.get_full_name()} named on the restricted case",
    )
    return access


@transaction.atomic
def case_access_revoke(*, case: Case, user: User, revoked_by: User) -> None:
    CaseAccess.objects.filter(case=case, user=user).delete()
    audit_event(
        actor=revoked_by,
        action=AuditAction.PERMISSION_REVOKED,
        target=case,
        changes={"named_staff": [user.email, None]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.NAMED_STAFF,
        actor=revoked_by,
        target=case,
        summary=f"{user.get_full_name()} removed from the restricted case",
    )


@transaction.atomic
def case_break_glass(*, case: Case, user: User, reason: str) -> BreakGlassGrant:
    """Open a restricted case one is not named on, for a while, with a reason (audited)."""
    if not reason.strip():
        raise ValueError("Enter why you need to open this restricted case")
    refuse({"reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)})
    grant = BreakGlassGrant.objects.create(
        case=case,
        user=user,
        reason=reason.strip(),
        expires_at=timezone.now() + timedelta(hours=BREAK_GLASS_HOURS),
    )
    audit_event(actor=user, action=AuditAction.VIEW_RESTRICTED, target=case, reason=reason.strip())
    case_event_record(
        case=case,
        kind=CaseEventKind.BREAK_GLASS,
        actor=user,
        target=case,
        summary=f"Restricted case opened by {user.get_full_name()} with a reason",
    )
    return grant


def case_view_record(*, case: Case, user: User) -> None:
    """A read of the case record is audited (DESIGN: every sensitive read)."""
    audit_event(actor=user, action=AuditAction.VIEW, target=case)


def case_restricted_view_audit(*, case: Case, user: User, grant: BreakGlassGrant) -> None:
    """Each read under a break-glass grant is audited with the grant's reason."""
    audit_event(actor=user, action=AuditAction.VIEW_RESTRICTED, target=case, reason=grant.reason)
