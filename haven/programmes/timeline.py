"""A person's programme milestones on their case timeline (issue 16 item 1): the place offered,
started, completed or left (with the reason's label only: its detail may name others), and
each session attended or missed. Called by the services inside their transactions; the pre-group contacts and assessment too
(seed 001 Lot 4 s8).

Entries are written through `case_event_record` one by one (it has no bulk form): a register
of n people writes n entries, with no read per person (test_timeline.py counts the queries).
Partner liaison writes nothing here: the perpetrator's timeline never shows it. A restricted
case gets its entries like any other (as restorative justice does): the timeline is read only
by those who may open the case.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.services import case_event_record
from haven.programmes.models import (
    AttendanceMark,
    DropOutReason,
    Enrolment,
    EnrolmentStatus,
    PreGroupContact,
    ProgrammeSession,
    SessionAttendance,
)


def _moment(day: date) -> datetime:
    """Noon that day (its time is not known), or now when that is earlier."""
    return min(timezone.make_aware(datetime.combine(day, time(12))), timezone.now())


def _place(enrolment: Enrolment) -> str:
    run = enrolment.run
    return f"{run.programme.name} ({run.name})"


def place_offered(enrolment: Enrolment, by: User) -> None:
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_PLACE_OFFERED,
        actor=by,
        target=enrolment,
        summary=f"Offered a place on {_place(enrolment)}, "
        f"the group starting {enrolment.run.starts_on:%-d %B %Y}",
        occurred_at=_moment(enrolment.offered_on),
    )


def pre_group_contact(contact: PreGroupContact, by: User) -> None:
    enrolment = contact.enrolment
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_PRE_GROUP_CONTACT,
        actor=by,
        target=enrolment,
        summary=f"Pre-group contact ({contact.get_method_display().lower()}) "
        f"for {_place(enrolment)}",
        occurred_at=_moment(contact.contacted_on),
    )


def assessed(enrolment: Enrolment, by: User) -> None:
    assert enrolment.assessed_on is not None
    verdict = "suitable" if enrolment.assessed_suitable else "not suitable"
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_ASSESSED,
        actor=by,
        target=enrolment,
        summary=f"Pre-group assessment for {_place(enrolment)}: {verdict}",
        occurred_at=_moment(enrolment.assessed_on),
    )


def started(enrolment: Enrolment, by: User) -> None:
    assert enrolment.started_on is not None
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_STARTED,
        actor=by,
        target=enrolment,
        summary=f"Started {_place(enrolment)}: first session attended",
        occurred_at=_moment(enrolment.started_on),
    )


def completed(enrolment: Enrolment, by: User) -> None:
    assert enrolment.completed_on is not None
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_COMPLETED,
        actor=by,
        target=enrolment,
        summary=f"Completed {_place(enrolment)}",
        occurred_at=_moment(enrolment.completed_on),
    )


def left(enrolment: Enrolment, by: User) -> None:
    """Dropped out, or did not start: the reason's label, never `drop_out_detail` (free text
    that may hold a partner's or child's details)."""
    assert enrolment.ended_on is not None
    how = "Dropped out of" if enrolment.status == EnrolmentStatus.DROPPED_OUT else "Did not start"
    reason = DropOutReason(enrolment.drop_out_reason).label
    case_event_record(
        case=enrolment.case,
        kind=CaseEventKind.PROGRAMME_LEFT,
        actor=by,
        target=enrolment,
        summary=f"{how} {_place(enrolment)}: {reason}",
        occurred_at=_moment(enrolment.ended_on),
    )


def session_marks(session: ProgrammeSession, rows: list[SessionAttendance], by: User) -> None:
    """One entry per person on the register: attended, or missed (apologies or did not attend).
    Each row's enrolment, case, run and programme are loaded already (no read per row)."""
    when = _moment(session.held_on)
    what = session.get_format_display().lower()
    for row in rows:
        enrolment = row.enrolment
        attended = row.mark == AttendanceMark.ATTENDED
        mark = "attended" if attended else f"missed ({AttendanceMark(row.mark).label.lower()})"
        case_event_record(
            case=enrolment.case,
            kind=CaseEventKind.PROGRAMME_SESSION_ATTENDED
            if attended
            else CaseEventKind.PROGRAMME_SESSION_MISSED,
            actor=by,
            target=row,
            summary=f"{_place(enrolment)}: {what} on {session.held_on:%-d %B %Y} {mark}",
            occurred_at=when,
        )
