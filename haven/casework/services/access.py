"""Allocation, restriction, named staff and break-glass reads of restricted cases."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.casework.models import BreakGlassGrant, Case, CaseAccess
from haven.casework.services.events import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import REASON_MAX_LENGTH, refuse, text_problem

BREAK_GLASS_HOURS = 8
# A new case for a person with a restricted case opens restricted (case_open_from_referral and
# the workbook's bulk import word it the same way).
RESTRICTED_ON_OPENING = "Opened restricted to named staff: the person has a restricted case"


@transaction.atomic
def case_allocate(
    *, case: Case, allocated_by: Any, allocated_to: Any = None, team: Any = None
) -> Case:
    """Allocate the case to a worker and/or team (None clears)."""
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
        kind="allocated",
        actor=allocated_by,
        target=case,
        summary=f"Allocated to {who}{where}",
        data={k: str(v) for k, v in after.items()},
    )
    return case


@transaction.atomic
def case_restriction_set(*, case: Case, restricted: bool, changed_by: Any, reason: str) -> Case:
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
    return case


def _restriction_change(
    case: Case, restricted: bool, changed_by: Any, reason: str, summary: str | None
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
        kind="restriction",
        actor=changed_by,
        target=case,
        summary=summary
        or ("Restricted to named staff" if restricted else "Restriction removed") + f": {reason}",
    )


def inherited_restriction(person_id: Any) -> set[Any] | None:
    """For a person with a restricted case: the ids of the staff named on their restricted
    cases (a new case for them opens restricted, naming these); None when they have none."""
    named = list(
        Case.objects.filter(person_id=person_id, is_restricted=True).values_list(
            "accesses__user_id", flat=True
        )
    )
    if not named:
        return None
    return {user_id for user_id in named if user_id is not None}


@transaction.atomic
def case_access_grant(*, case: Case, user: Any, granted_by: Any) -> CaseAccess:
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
        kind="named_staff",
        actor=granted_by,
        target=case,
        summary=f"{user.get_full_name()} named on the restricted case",
    )
    return access


@transaction.atomic
def case_access_revoke(*, case: Case, user: Any, revoked_by: Any) -> None:
    CaseAccess.objects.filter(case=case, user=user).delete()
    audit_event(
        actor=revoked_by,
        action=AuditAction.PERMISSION_REVOKED,
        target=case,
        changes={"named_staff": [user.email, None]},
    )
    case_event_record(
        case=case,
        kind="named_staff",
        actor=revoked_by,
        target=case,
        summary=f"{user.get_full_name()} removed from the restricted case",
    )


@transaction.atomic
def case_break_glass(*, case: Case, user: Any, reason: str) -> BreakGlassGrant:
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
        kind="break_glass",
        actor=user,
        target=case,
        summary=f"Restricted case opened by {user.get_full_name()} with a reason",
    )
    return grant


def case_view_record(*, case: Case, user: Any) -> None:
    """A read of the case record is audited (DESIGN: every sensitive read)."""
    audit_event(actor=user, action=AuditAction.VIEW, target=case)


def case_restricted_view_audit(*, case: Case, user: Any, grant: BreakGlassGrant) -> None:
    """Each read under a break-glass grant is audited with the grant's reason."""
    audit_event(actor=user, action=AuditAction.VIEW_RESTRICTED, target=case, reason=grant.reason)
