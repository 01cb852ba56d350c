"""Record the steps a profile requires before closure: exit interview, onward referral, needs
reassessment. Each writes its row (ExitInterview, OnwardReferral, NeedsAssessment: what closure
and returns count), its audit, and a timeline entry pointing at the row."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Case,
    CaseState,
    ExitInterview,
    InterviewMethod,
    InterviewOutcome,
    NeedsAssessment,
    NeedsStage,
)
from haven.casework.services.events import case_event_record
from haven.casework.services.needs_area_levels import (
    area_level_problems,
    needs_area_levels_write,
    needs_areas,
)
from haven.casework.services.needs_assessments import needs_assessment_write
from haven.casework.services.tasks import opened_minute
from haven.core.auditor import audit_event
from haven.core.models import AuditAction

SUMMARY_MAX_LENGTH = 1000

# How the exit interview happened; "declined" is an outcome services record as the interview done.
# (InterviewMethod.NOT_RECORDED is only on rows migrated from old timeline entries.)
INTERVIEW_METHODS = {
    method.value: method.label
    for method in InterviewMethod
    if method != InterviewMethod.NOT_RECORDED
}


class ExitStepRefusedError(Exception):
    """The step cannot be recorded; `field` names the form field the message belongs to."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


def exit_step_refusal(case: Case) -> str | None:
    """Why nothing can be recorded towards closure on this case, or None when it can."""
    if case.state == CaseState.CLOSED:
        return "The case is closed"
    return None


def exit_step_check(case: Case, at: datetime, field: str) -> None:
    """Refuse a closed case, a future time or one before the case opened."""
    refusal = exit_step_refusal(case)
    if refusal:
        raise ExitStepRefusedError(None, refusal)
    if at > timezone.now():
        raise ExitStepRefusedError(field, "It cannot be in the future")
    if at < opened_minute(case.opened_at):
        raise ExitStepRefusedError(field, "It cannot be before the case opened")


def exit_interview_summary(method: str) -> str:
    """The timeline line for an exit interview held this way (or declined)."""
    if method == InterviewMethod.DECLINED:
        return "Exit interview declined by the survivor"
    if method == InterviewMethod.NOT_RECORDED:  # a row migrated from an older timeline entry
        return "Exit interview held"
    return f"Exit interview held ({InterviewMethod(method).label.lower()})"


def onward_referral_summary(agency: str, need: str, *, passed_on: bool = False) -> str:
    made = "Passed directly to" if passed_on else "Onward referral made to"
    return f"{made} {agency}" + (f" ({need})" if need else "")


def audit_created(actor: User, row: Any, changes: dict[str, Any]) -> None:
    """The row's audit, without the free text (that stays on the case)."""
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=row,
        changes={key: [None, value] for key, value in changes.items()},
    )


@transaction.atomic
def exit_interview_record(
    *, case: Case, recorded_by: User, held_at: datetime, method: str, summary: str = ""
) -> ExitInterview:
    """The exit interview: held (in person, phone, video) or declined by the survivor."""
    exit_step_check(case, held_at, "held_at")
    if method not in INTERVIEW_METHODS:
        raise ExitStepRefusedError("method", "Select how the exit interview happened")
    summary = summary.strip()
    if len(summary) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError(
            "summary", f"Summary must be {SUMMARY_MAX_LENGTH} characters or less"
        )
    declined = method == InterviewMethod.DECLINED
    interview = ExitInterview.objects.create(
        case=case,
        held_at=held_at,
        method=method,
        outcome=InterviewOutcome.DECLINED if declined else InterviewOutcome.HELD,
        summary=summary,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    audit_created(
        recorded_by,
        interview,
        {"held_at": held_at, "method": method, "outcome": interview.outcome},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.EXIT_INTERVIEW,
        actor=recorded_by,
        target=interview,
        summary=exit_interview_summary(method),
        data={"summary": summary} if summary else {},  # shown on the timeline, never counted
        occurred_at=held_at,
    )
    return interview


@transaction.atomic
def needs_reassessment_record(
    *,
    case: Case,
    recorded_by: User,
    assessed_at: datetime,
    summary: str,
    levels: Mapping[str, int] | None = None,
    notes: Mapping[str, str] | None = None,
) -> NeedsAssessment:
    """The needs assessment repeated before closure (distance travelled, seed 002 s3.9), with a
    level per area when the profile defines areas (`levels`; refused if any area is missing)."""
    exit_step_check(case, assessed_at, "assessed_at")
    summary = summary.strip()
    if not summary:
        raise ExitStepRefusedError("summary", "Enter a summary of the needs that remain")
    if len(summary) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError(
            "summary", f"Summary must be {SUMMARY_MAX_LENGTH} characters or less"
        )
    if levels is not None:
        problems = area_level_problems(needs_areas(case), levels, notes or {})
        found = next(((f, p) for f, p in problems.items() if p), None)
        if found:
            raise ExitStepRefusedError(found[0] if found[0] != NON_FIELD_ERRORS else None, found[1])
    assessment = needs_assessment_write(
        case=case,
        stage=NeedsStage.EXIT,
        assessed_at=assessed_at,
        actor=recorded_by,
        summary=summary,
    )
    if levels is not None:
        needs_area_levels_write(
            assessment=assessment, actor=recorded_by, levels=levels, notes=notes or {}
        )
    return assessment
