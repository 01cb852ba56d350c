"""Opening a case from an accepted referral (manual intake now, imports later)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseAccess, CaseState
from haven.casework.services.access import RESTRICTED_ON_OPENING, inherited_restriction
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import case_tasks_sync
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.referrals.models import Decision, Referral
from haven.referrals.services import ReferralNotPendingError, refuse_unless_may_decide


def referral_received_summary(referral: Any) -> str:
    """The timeline's first line for a case: how its referral came in."""
    how = referral.get_received_via_display() if referral.received_via else ""
    return f"Referral received ({referral.route_label()}{', ' + how.lower() if how else ''})"


@transaction.atomic
def case_open_from_referral(
    *,
    referral: Any,
    opened_by: User,
    at: datetime | None = None,
    team: Any = None,
    allocated_to: Any = None,
) -> Case:
    """Open the case for an accepted referral, with a task for every deadline rule that applies.

    Idempotent: a referral that already has a case returns it unchanged. For a person who
    already has a restricted case, the case opens restricted, naming the staff named on their
    restricted cases, the one opening it and the allocated worker.
    """
    existing = Case.objects.filter(referral=referral).first()
    if existing is not None:
        return existing
    opened_at = at or timezone.now()
    named = inherited_restriction(referral.person_id)
    case = Case.objects.create(
        person=referral.person,
        contract=referral.contract,
        referral=referral,
        state=CaseState.NEW,
        team=team,
        allocated_to=allocated_to,
        risk_level=referral.referrer_risk_level,
        is_restricted=named is not None,
        opened_at=opened_at,
    )
    changes: dict[str, list[Any]] = {
        "state": [None, case.state],
        "contract": [None, str(case.contract_id)],
    }
    if named is not None:
        changes["is_restricted"] = [None, True]
    audit_event(actor=opened_by, action=AuditAction.CREATE, target=case, changes=changes)
    case_event_record(
        case=case,
        kind=CaseEventKind.REFERRAL_RECEIVED,
        actor=None,
        target=referral,
        occurred_at=referral.received_at,
        summary=referral_received_summary(referral),
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.CASE_OPENED,
        actor=opened_by,
        target=case,
        occurred_at=opened_at,
        summary="Referral accepted; case opened",
    )
    if named is not None:
        by = opened_by if getattr(opened_by, "is_authenticated", False) else None
        staff = named | {u.pk for u in (by, allocated_to) if u is not None}
        CaseAccess.objects.bulk_create(
            [CaseAccess(case=case, user_id=user_id, granted_by=by) for user_id in sorted(staff)]
        )
        case_event_record(
            case=case,
            kind=CaseEventKind.RESTRICTION,
            actor=by,
            target=case,
            summary=RESTRICTED_ON_OPENING,
        )
    case_tasks_sync(case=case, actor=opened_by)
    return case


@transaction.atomic
def referral_accept(
    *, referral: Referral, accepted_by: User, team: Any = None, allocated_to: Any = None
) -> Case:
    """Accept the referral and open its case (returns the Case)."""
    refuse_unless_may_decide(referral, accepted_by)
    if referral.decision != Decision.PENDING:
        raise ReferralNotPendingError("This referral has already been decided")
    referral.decision = Decision.ACCEPTED
    referral.decided_at = timezone.now()
    referral.decided_by = accepted_by
    referral.save(update_fields=["decision", "decided_at", "decided_by", "updated_at"])
    audit_event(
        actor=accepted_by,
        action=AuditAction.UPDATE,
        target=referral,
        changes={"decision": [Decision.PENDING, Decision.ACCEPTED]},
    )
    return case_open_from_referral(
        referral=referral,
        opened_by=accepted_by,
        at=referral.decided_at,
        team=team,
        allocated_to=allocated_to,
    )
