"""A needs assessment row and its timeline entry, however it was recorded: a needs-assessment
deadline marked done (initial or review) or the reassessment before closure (exit)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, NeedsAssessment, NeedsStage, Task
from haven.casework.services.events import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction

NEEDS_SUMMARIES = {
    NeedsStage.INITIAL: "Needs assessment done",
    NeedsStage.REVIEW: "Needs assessment review done",
    NeedsStage.EXIT: "Needs reassessed before closure (distance travelled)",
}


def needs_assessment_event_data(summary: str) -> dict[str, str]:
    """What the timeline shows under the entry (display only: returns count the row)."""
    return {"summary": summary} if summary else {}


def needs_assessment_write(
    *,
    case: Case,
    stage: NeedsStage,
    assessed_at: datetime,
    actor: User,
    summary: str = "",
    task: Task | None = None,
) -> NeedsAssessment:
    """The row, its audit (without the free text) and the timeline entry pointing at it; the
    caller's service is atomic and has checked what it must."""
    assessment = NeedsAssessment.objects.create(
        case=case,
        stage=stage,
        assessed_at=assessed_at,
        summary=summary,
        rule_key=task.rule_key if task is not None else "",
        task=task,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=assessment,
        changes={"stage": [None, stage], "assessed_at": [None, assessed_at]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.NEEDS_ASSESSMENT,
        actor=actor,
        target=assessment,
        summary=NEEDS_SUMMARIES[stage],
        data=needs_assessment_event_data(summary),
        occurred_at=assessed_at,
    )
    return assessment
