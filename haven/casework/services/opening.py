"""Opening a case from an accepted referral (manual intake now, imports later)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.casework.models import Case, CaseState
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import case_tasks_sync
from haven.core.auditor import audit_event
from haven.core.models import AuditAction


def _received_summary(referral: Any) -> str:
    how = referral.get_received_via_display() if referral.received_via else ""
    return f"Referral received ({referral.route_label()}{', ' + how.lower() if how else ''})"


@transaction.atomic
def case_open_from_referral(
    *,
    referral: Any,
    opened_by: Any,
    at: datetime | None = None,
    team: Any = None,
    allocated_to: Any = None,
) -> Case:
    """Open the case for an accepted referral, with a task for every deadline rule that applies.

    Idempotent: a referral that already has a case returns it unchanged.
    """
    existing = Case.objects.filter(referral=referral).first()
    if existing is not None:
        return existing
    opened_at = at or timezone.now()
    case = Case.objects.create(
        person=referral.person,
        contract=referral.contract,
        referral=referral,
        state=CaseState.NEW,
        team=team,
        allocated_to=allocated_to,
        risk_level=referral.referrer_risk_level,
        opened_at=opened_at,
    )
    audit_event(
        actor=opened_by,
        action=AuditAction.CREATE,
        target=case,
        changes={"state": [None, case.state], "contract": [None, str(case.contract_id)]},
    )
    case_event_record(
        case=case,
        kind="referral_received",
        actor=None,
        target=referral,
        occurred_at=referral.received_at,
        summary=_received_summary(referral),
    )
    case_event_record(
        case=case,
        kind="case_opened",
        actor=opened_by,
        target=case,
        occurred_at=opened_at,
        summary="Referral accepted; case opened",
    )
    case_tasks_sync(case=case, actor=opened_by)
    return case
