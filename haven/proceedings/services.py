"""Record a legal proceeding and its outcome: the row (what returns count), its audit and a
timeline entry pointing at it (STYLE habit 1). Refused on a closed case."""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.proceedings.models import (
    INTERIM_OUTCOMES,
    CourtType,
    Proceeding,
    ProceedingKind,
    ProceedingOutcome,
    ProceedingStatus,
    outcomes_for,
)
from haven.validators import date_problem, refuse, text_problem

COURT_NAME_MAX_LENGTH = 200
NOTES_MAX_LENGTH = 2_000


def proceeding_refusal(case: Case) -> str | None:
    """Why no proceeding (or outcome) may be recorded on this case, or None."""
    return record_refusal(case)


def outcome_refusal(proceeding: Proceeding) -> str | None:
    """Why no outcome may be recorded on this proceeding, or None."""
    if proceeding.status == ProceedingStatus.CONCLUDED:
        return "This proceeding has concluded: its outcome is recorded"
    return proceeding_refusal(proceeding.case)


def timeline_moment(day: date, now: datetime) -> datetime:
    """Where a day's record sits on the timeline: noon that day (its time is not known), or
    `now` when that is earlier (an outcome recorded this morning)."""
    return min(timezone.make_aware(datetime.combine(day, time(12))), now)


def proceeding_summary(kind: str) -> str:
    return f"Legal proceeding: {ProceedingKind(kind).label.lower()}"


def outcome_summary(kind: str, outcome: str) -> str:
    label = ProceedingOutcome(outcome).label
    return f"{ProceedingKind(kind).label}: {label[0].lower()}{label[1:]}"


@transaction.atomic
def proceeding_record(
    *,
    case: Case,
    recorded_by: User,
    kind: str,
    court_type: str,
    started_on: date,
    court_name: str = "",
    specialist_dv_court: bool = False,
    next_hearing_on: date | None = None,
    notes: str = "",
) -> Proceeding:
    """One proceeding the survivor is supported through, ongoing. It may have started before the
    case opened (a survivor referred part way through), never in the future; the next hearing is
    on or after the start. Refuses a closed case, unknown kind or court, long text."""
    refusal = proceeding_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    court_name, notes = court_name.strip(), notes.strip()
    today = timezone.localdate()
    refuse(
        {
            "kind": None if kind in ProceedingKind.values else "Select the kind of proceeding",
            "court_type": None if court_type in CourtType.values else "Select the court",
            "court_name": text_problem(
                court_name, subject="Name of the court", limit=COURT_NAME_MAX_LENGTH
            ),
            "started_on": "Start date must be today or in the past"
            if started_on > today
            else date_problem(started_on, subject="Start date"),
            "next_hearing_on": date_problem(
                next_hearing_on, subject="Date of the next hearing", earliest=started_on
            )
            if next_hearing_on is not None
            else None,
            "notes": text_problem(notes, subject="Notes", limit=NOTES_MAX_LENGTH),
        }
    )
    proceeding = Proceeding(
        case=case,
        kind=kind,
        court_type=court_type,
        court_name=court_name,
        specialist_dv_court=specialist_dv_court,
        started_on=started_on,
        next_hearing_on=next_hearing_on,
        notes=notes,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    proceeding.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=proceeding,
        changes={  # the court's name and the notes stay on the row
            key: [None, value]
            for key, value in {
                "kind": kind,
                "court_type": court_type,
                "specialist_dv_court": specialist_dv_court,
                "started_on": started_on,
                "next_hearing_on": next_hearing_on,
            }.items()
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.PROCEEDING,
        actor=recorded_by,
        target=proceeding,
        summary=proceeding_summary(kind),
        data={},  # the counted facts live on the row
        occurred_at=timeline_moment(started_on, timezone.now()),
    )
    return proceeding


@transaction.atomic
def proceeding_outcome_record(
    *,
    proceeding: Proceeding,
    recorded_by: User,
    outcome: str,
    outcome_on: date,
    next_hearing_on: date | None = None,
) -> Proceeding:
    """The outcome of an ongoing proceeding on `outcome_on` (not in the future, not before it
    started). A final outcome concludes it; "charged" keeps a prosecution going (with its next
    hearing, if known). Refuses an outcome the kind cannot have, a concluded proceeding, a
    closed case."""
    proceeding = Proceeding.objects.select_for_update().select_related("case").get(pk=proceeding.pk)
    refusal = outcome_refusal(proceeding)
    if refusal:
        raise ValidationError(refusal)
    allowed = outcomes_for(proceeding.kind)
    today = timezone.localdate()
    interim = outcome in INTERIM_OUTCOMES
    refuse(
        {
            "outcome": None
            if outcome in allowed
            else f"Select an outcome a {proceeding.get_kind_display().lower()} can have",
            "outcome_on": "Date of the outcome must be today or in the past"
            if outcome_on > today
            else date_problem(
                outcome_on,
                subject="Date of the outcome",
                earliest=proceeding.started_on,
            ),
            "next_hearing_on": None
            if next_hearing_on is None
            else (
                "Only a prosecution that goes on has a next hearing"
                if not interim
                else date_problem(
                    next_hearing_on, subject="Date of the next hearing", earliest=outcome_on
                )
            ),
        }
    )
    before = {
        "outcome": proceeding.outcome,
        "outcome_on": proceeding.outcome_on,
        "status": proceeding.status,
    }
    proceeding.outcome = outcome
    proceeding.outcome_on = outcome_on
    proceeding.status = ProceedingStatus.ONGOING if interim else ProceedingStatus.CONCLUDED
    proceeding.next_hearing_on = next_hearing_on if interim else None
    proceeding.save(
        update_fields=["outcome", "outcome_on", "status", "next_hearing_on", "updated_at"]
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=proceeding,
        changes={
            key: [before[key], value]
            for key, value in {
                "outcome": outcome,
                "outcome_on": outcome_on,
                "status": proceeding.status,
            }.items()
        },
    )
    case_event_record(
        case=proceeding.case,
        kind=CaseEventKind.PROCEEDING_OUTCOME,
        actor=recorded_by,
        target=proceeding,
        summary=outcome_summary(proceeding.kind, outcome),
        data={},
        occurred_at=timeline_moment(outcome_on, timezone.now()),
    )
    return proceeding
