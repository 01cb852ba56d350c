"""Record the steps a profile requires before closure: exit interview, onward referral, needs
reassessment. Each writes the timeline event closure looks for (closure.REQUIREMENT_EVENTS)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case, CaseEvent, CaseState
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import opened_minute
from haven.core.auditor import audit_event
from haven.core.models import AuditAction

SUMMARY_MAX_LENGTH = 1000
AGENCY_MAX_LENGTH = 200
NEED_MAX_LENGTH = 200
NO_CONSENT = (
    "You cannot record a referral the survivor did not consent to. If no referral was made, "
    "give the reason when you close the case"
)

# How the exit interview happened; "declined" is an outcome services record as the interview done.
INTERVIEW_METHODS = {
    "in_person": "In person",
    "phone": "By phone",
    "video": "By video call",
    "declined": "Declined by the survivor",
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


def _check(case: Case, at: datetime, field: str) -> None:
    refusal = exit_step_refusal(case)
    if refusal:
        raise ExitStepRefusedError(None, refusal)
    if at > timezone.now():
        raise ExitStepRefusedError(field, "It cannot be in the future")
    if at < opened_minute(case.opened_at):
        raise ExitStepRefusedError(field, "It cannot be before the case opened")


def _record(
    *, case: Case, kind: str, actor: User, at: datetime, summary: str, data: dict[str, Any]
) -> CaseEvent:
    """The timeline event, and its audit without the free text (that stays on the case)."""
    event = case_event_record(
        case=case, kind=kind, actor=actor, summary=summary, data=data, occurred_at=at
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=event,
        changes={
            "kind": [None, kind],
            "occurred_at": [None, at],
            **{k: [None, v] for k, v in data.items() if k not in {"summary", "note"}},
        },
    )
    return event


@transaction.atomic
def exit_interview_record(
    *, case: Case, recorded_by: User, held_at: datetime, method: str, summary: str = ""
) -> CaseEvent:
    """The exit interview: held (in person, phone, video) or declined by the survivor."""
    _check(case, held_at, "held_at")
    if method not in INTERVIEW_METHODS:
        raise ExitStepRefusedError("method", "Select how the exit interview happened")
    summary = summary.strip()
    if len(summary) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError(
            "summary", f"Summary must be {SUMMARY_MAX_LENGTH} characters or less"
        )
    declined = method == "declined"
    text = (
        "Exit interview declined by the survivor"
        if declined
        else f"Exit interview held ({INTERVIEW_METHODS[method].lower()})"
    )
    data = {"method": method, "outcome": "declined" if declined else "held"}
    return _record(
        case=case,
        kind="exit_interview",
        actor=recorded_by,
        at=held_at,
        summary=text,
        data=data | ({"summary": summary} if summary else {}),
    )


@transaction.atomic
def onward_referral_record(
    *,
    case: Case,
    recorded_by: User,
    made_at: datetime,
    agency: str,
    consent: bool,
    need: str = "",
    note: str = "",
) -> CaseEvent:
    """An onward referral made, with the survivor's consent (without it, none was made)."""
    _check(case, made_at, "made_at")
    agency, need, note = agency.strip(), need.strip(), note.strip()
    if not agency:
        raise ExitStepRefusedError("agency", "Enter the agency or service referred to")
    if len(agency) > AGENCY_MAX_LENGTH or len(need) > NEED_MAX_LENGTH:
        field = "agency" if len(agency) > AGENCY_MAX_LENGTH else "need"
        raise ExitStepRefusedError(field, "That is too long")
    if not consent:
        raise ExitStepRefusedError("consent", NO_CONSENT)
    if len(note) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError("note", f"Note must be {SUMMARY_MAX_LENGTH} characters or less")
    data: dict[str, Any] = {"agency": agency, "consent": True}
    return _record(
        case=case,
        kind="onward_referral",
        actor=recorded_by,
        at=made_at,
        summary=f"Onward referral made to {agency}" + (f" ({need})" if need else ""),
        data=data | ({"need": need} if need else {}) | ({"note": note} if note else {}),
    )


@transaction.atomic
def needs_reassessment_record(
    *, case: Case, recorded_by: User, assessed_at: datetime, summary: str
) -> CaseEvent:
    """The needs assessment repeated before closure (distance travelled, seed 002 s3.9)."""
    _check(case, assessed_at, "assessed_at")
    summary = summary.strip()
    if not summary:
        raise ExitStepRefusedError("summary", "Enter a summary of the needs that remain")
    if len(summary) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError(
            "summary", f"Summary must be {SUMMARY_MAX_LENGTH} characters or less"
        )
    return _record(
        case=case,
        kind="needs_assessment",
        actor=recorded_by,
        at=assessed_at,
        summary="Needs reassessed before closure (distance travelled)",
        data={"stage": "exit", "summary": summary},
    )
