"""Record a Safe Home case's housing (tenure at entry and exit, destination) and its Safe Home
outcomes: the row (what returns count), its audit and a timeline entry pointing at it (STYLE
habit 1). Refused on a closed case: exit housing is recorded at or before closure."""

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
from haven.housing.models import (
    Destination,
    HousingSituation,
    SafeHomeOutcome,
    SafeHomeOutcomeKind,
    Tenure,
)
from haven.validators import date_problem, refuse, text_problem

DETAIL_MAX_LENGTH = 2_000
# destinations that are a move into a new home (its date is what "timely move on" measures)
MOVES = frozenset({Destination.NEW_SETTLED_HOME})


def housing_refusal(case: Case) -> str | None:
    """Why no housing or Safe Home outcome may be recorded on this case, or None."""
    return record_refusal(case)


def case_opened_on(case: Case) -> date:
    return timezone.localdate(case.opened_at)


def timeline_moment(day: date, now: datetime) -> datetime:
    """Noon on the day (its time is not known), or `now` when that is earlier."""
    return min(timezone.make_aware(datetime.combine(day, time(12))), now)


def entry_summary(entry_tenure: str) -> str:
    return f"Housing at entry: {Tenure(entry_tenure).label}"


def exit_summary(exit_tenure: str, exit_destination: str) -> str:
    destination = Destination(exit_destination).label.lower()
    return f"Housing at exit: {Tenure(exit_tenure).label} ({destination})"


def outcome_summary(kind: str) -> str:
    return f"Safe Home outcome: {SafeHomeOutcomeKind(kind).label.lower()}"


def _past_date_problem(
    value: date | None, *, subject: str, earliest: date | None = None
) -> str | None:
    if value is None:
        return None
    if value > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(value, subject=subject, earliest=earliest)


def _refuse_closed(case: Case) -> None:
    refusal = housing_refusal(case)
    if refusal:
        raise ValidationError(refusal)


@transaction.atomic
def housing_entry_record(
    *,
    case: Case,
    recorded_by: User,
    entry_tenure: str,
    left_home_on: date | None = None,
) -> HousingSituation:
    """The tenure at entry (seed 001 Lot 2 s14) and, if they had to leave their home, when
    (s8 "disruption to own home"); recording it again corrects it. Refuses an unknown tenure,
    a date in the future, a closed case."""
    _refuse_closed(case)
    refuse(
        {
            "entry_tenure": None if entry_tenure in Tenure.values else "Select the housing tenure",
            "left_home_on": _past_date_problem(left_home_on, subject="Date they left their home"),
        }
    )
    situation = HousingSituation.objects.select_for_update().filter(case=case).first()
    before = (
        {"entry_tenure": situation.entry_tenure, "left_home_on": situation.left_home_on}
        if situation
        else {"entry_tenure": None, "left_home_on": None}
    )
    settled_on = situation.settled_on if situation is not None else None
    if settled_on is not None and left_home_on is not None and left_home_on > settled_on:
        refuse({"left_home_on": "Date they left their home must be before the date they moved in"})
    now = timezone.now()
    if situation is None:
        situation = HousingSituation(case=case)
    situation.entry_tenure = entry_tenure
    situation.left_home_on = left_home_on
    situation.entry_recorded_by = recorded_by
    situation.entry_recorded_at = now
    situation.save()
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE if before["entry_tenure"] is None else AuditAction.UPDATE,
        target=situation,
        changes={
            "entry_tenure": [before["entry_tenure"], entry_tenure],
            "left_home_on": [before["left_home_on"], left_home_on],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.HOUSING_ENTRY,
        actor=recorded_by,
        target=situation,
        summary=entry_summary(entry_tenure),
        data={},
    )
    return situation


@transaction.atomic
def housing_exit_record(
    *,
    case: Case,
    recorded_by: User,
    exit_tenure: str,
    exit_destination: str,
    settled_on: date | None = None,
) -> HousingSituation:
    """The tenure and destination at exit (seed 001 Lot 2 s14 "housing tenure at ... exit"),
    recorded at or before closure, after the tenure at entry. A move to a new settled home needs
    the date they moved in (s8 "timely move on"); it is not before they left their old home nor
    in the future."""
    _refuse_closed(case)
    situation = HousingSituation.objects.select_for_update().filter(case=case).first()
    if situation is None:
        raise ValidationError("Record the housing at entry first")
    earliest = situation.left_home_on
    settled_problem = _past_date_problem(
        settled_on, subject="Date they moved in", earliest=earliest
    )
    if settled_on is None and exit_destination in MOVES:
        settled_problem = "Enter the date they moved into their new home"
    refuse(
        {
            "exit_tenure": None if exit_tenure in Tenure.values else "Select the housing tenure",
            "exit_destination": None
            if exit_destination in Destination.values
            else "Select where they went",
            "settled_on": settled_problem,
        }
    )
    before = {
        "exit_tenure": situation.exit_tenure or None,
        "exit_destination": situation.exit_destination or None,
        "settled_on": situation.settled_on,
    }
    situation.exit_tenure = exit_tenure
    situation.exit_destination = exit_destination
    situation.settled_on = settled_on
    situation.exit_recorded_by = recorded_by
    situation.exit_recorded_at = timezone.now()
    situation.save()
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=situation,
        changes={
            key: [before[key], value]
            for key, value in {
                "exit_tenure": exit_tenure,
                "exit_destination": exit_destination,
                "settled_on": settled_on,
            }.items()
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.HOUSING_EXIT,
        actor=recorded_by,
        target=situation,
        summary=exit_summary(exit_tenure, exit_destination),
        data={},
    )
    return situation


@transaction.atomic
def safe_home_outcome_record(
    *,
    case: Case,
    recorded_by: User,
    kind: str,
    achieved_on: date,
    detail: str = "",
) -> SafeHomeOutcome:
    """One Safe Home outcome (seed 001 Lot 2 s8 outputs) achieved on `achieved_on`: not in the
    future, not before the case opened; "other" needs its detail (s8 "other housing solutions
    secured (detail)"). Refuses an unknown kind, long detail, a closed case."""
    _refuse_closed(case)
    detail = detail.strip()
    detail_problem = text_problem(detail, subject="Detail", limit=DETAIL_MAX_LENGTH)
    if kind == SafeHomeOutcomeKind.OTHER and not detail:
        detail_problem = "Enter the detail of the other housing solution"
    refuse(
        {
            "kind": None if kind in SafeHomeOutcomeKind.values else "Select the outcome",
            "achieved_on": _past_date_problem(
                achieved_on, subject="Date achieved", earliest=case_opened_on(case)
            ),
            "detail": detail_problem,
        }
    )
    outcome = SafeHomeOutcome(
        case=case,
        kind=kind,
        achieved_on=achieved_on,
        detail=detail,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    outcome.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=outcome,
        changes={
            "kind": [None, kind],
            "achieved_on": [None, achieved_on],
        },  # detail stays on the row
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SAFE_HOME_OUTCOME,
        actor=recorded_by,
        target=outcome,
        summary=outcome_summary(kind),
        data={},
        occurred_at=timeline_moment(achieved_on, timezone.now()),
    )
    return outcome
