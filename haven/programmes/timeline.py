"""A person's programme milestones on their case timeline (issue 16 item 1): the place offered,
the pre-group contacts and assessment (seed 001 Lot 4 s8), started, completed or left (with the
reason's label only: its detail may name others), and each session attended or missed. Called
by the services inside their transactions; the demo builds the same entries in bulk
(`entries_of_place`, `entry_of_mark`), so its timelines read as a real service's would.

Entries are written through `case_event_record` one by one (it has no bulk form): a register
of n people writes n entries, with no read per person (test_timeline.py counts the queries).
Partner liaison writes nothing here: the perpetrator's timeline never shows it. A restricted
case gets its entries like any other (as restorative justice does): the timeline is read only
by those who may open the case.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import models
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import CaseEvent
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


@dataclass(frozen=True)
class Entry:
    """One timeline entry, before it is written."""

    enrolment: Enrolment
    kind: CaseEventKind
    target: models.Model
    summary: str
    day: date

    @property
    def occurred_at(self) -> datetime:
        """Noon that day (its time is not known), or now when that is earlier."""
        return min(timezone.make_aware(datetime.combine(self.day, time(12))), timezone.now())


def _place(enrolment: Enrolment) -> str:
    run = enrolment.run
    return f"{run.programme.name} ({run.name})"


def _offered(enrolment: Enrolment) -> Entry:
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_PLACE_OFFERED,
        enrolment,
        f"Offered a place on {_place(enrolment)}, "
        f"the group starting {enrolment.run.starts_on:%-d %B %Y}",
        enrolment.offered_on,
    )


def _contact(contact: PreGroupContact) -> Entry:
    enrolment = contact.enrolment
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_PRE_GROUP_CONTACT,
        enrolment,
        f"Pre-group contact ({contact.get_method_display().lower()}) for {_place(enrolment)}",
        contact.contacted_on,
    )


def _assessed(enrolment: Enrolment) -> Entry:
    assert enrolment.assessed_on is not None
    verdict = "suitable" if enrolment.assessed_suitable else "not suitable"
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_ASSESSED,
        enrolment,
        f"Pre-group assessment for {_place(enrolment)}: {verdict}",
        enrolment.assessed_on,
    )


def _started(enrolment: Enrolment) -> Entry:
    assert enrolment.started_on is not None
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_STARTED,
        enrolment,
        f"Started {_place(enrolment)}: first session attended",
        enrolment.started_on,
    )


def _completed(enrolment: Enrolment) -> Entry:
    assert enrolment.completed_on is not None
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_COMPLETED,
        enrolment,
        f"Completed {_place(enrolment)}",
        enrolment.completed_on,
    )


def _left(enrolment: Enrolment) -> Entry:
    """Dropped out, or did not start: the reason's label, never `drop_out_detail` (free text
    that may hold a partner's or child's details)."""
    assert enrolment.ended_on is not None
    how = "Dropped out of" if enrolment.status == EnrolmentStatus.DROPPED_OUT else "Did not start"
    reason = DropOutReason(enrolment.drop_out_reason).label
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_LEFT,
        enrolment,
        f"{how} {_place(enrolment)}: {reason}",
        enrolment.ended_on,
    )


def entry_of_mark(session: ProgrammeSession, row: SessionAttendance) -> Entry:
    """A register's mark: attended, or missed (apologies or did not attend)."""
    enrolment = row.enrolment
    attended = row.mark == AttendanceMark.ATTENDED
    mark = "attended" if attended else f"missed ({AttendanceMark(row.mark).label.lower()})"
    what = session.get_format_display().lower()
    return Entry(
        enrolment,
        CaseEventKind.PROGRAMME_SESSION_ATTENDED
        if attended
        else CaseEventKind.PROGRAMME_SESSION_MISSED,
        row,
        f"{_place(enrolment)}: {what} on {session.held_on:%-d %B %Y} {mark}",
        session.held_on,
    )


def entries_of_place(enrolment: Enrolment, contacts: Iterable[PreGroupContact]) -> list[Entry]:
    """Every milestone a place has reached (the demo's: it writes places whole)."""
    entries = [_offered(enrolment), *(_contact(c) for c in contacts)]
    if enrolment.assessed_on is not None:
        entries.append(_assessed(enrolment))
    if enrolment.started_on is not None:
        entries.append(_started(enrolment))
    if enrolment.completed_on is not None:
        entries.append(_completed(enrolment))
    elif enrolment.ended_on is not None and enrolment.drop_out_reason:
        entries.append(_left(enrolment))
    return entries


def _write(entry: Entry, by: User) -> None:
    kind = entry.kind  # (a name: the timeline-kinds scan reads `kind=` as a member or a name)
    case_event_record(
        case=entry.enrolment.case,
        kind=kind,
        actor=by,
        target=entry.target,
        summary=entry.summary,
        occurred_at=entry.occurred_at,
    )


def unsaved_event(entry: Entry, *, pk: Any, actor_id: Any) -> CaseEvent:
    """The entry as an unsaved CaseEvent (for bulk writes), as `case_event_record` would make it."""
    kind = entry.kind
    return CaseEvent(
        id=pk,
        case_id=entry.enrolment.case_id,
        kind=kind,
        occurred_at=entry.occurred_at,
        actor_id=actor_id,
        summary=entry.summary[:500],
        object_type=entry.target._meta.label_lower,
        object_id=str(entry.target.pk),
        data={},
    )


def place_offered(enrolment: Enrolment, by: User) -> None:
    _write(_offered(enrolment), by)


def pre_group_contact(contact: PreGroupContact, by: User) -> None:
    _write(_contact(contact), by)


def assessed(enrolment: Enrolment, by: User) -> None:
    _write(_assessed(enrolment), by)


def started(enrolment: Enrolment, by: User) -> None:
    _write(_started(enrolment), by)


def completed(enrolment: Enrolment, by: User) -> None:
    _write(_completed(enrolment), by)


def left(enrolment: Enrolment, by: User) -> None:
    _write(_left(enrolment), by)


def session_marks(session: ProgrammeSession, rows: list[SessionAttendance], by: User) -> None:
    """One entry per person on the register. Each row's enrolment, case, run and programme are
    loaded already (no read per row)."""
    for row in rows:
        _write(entry_of_mark(session, row), by)
