"""Sessions, the register and the crèche log (issue 16 item 1; seed 001 Lot 1 s8 "crèche hours",
Lot 4 s8 "one to one sessions"; seed 002 s7 "young people group support sessions held" and
"attending").

A group session is recorded with the whole group's register on one form: every person who has
started needs a mark (attended, apologies, did not attend); someone offered a place who attends
for the first time starts there (their `started_on` is the session's day).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.programmes import timeline
from haven.programmes.models import (
    AttendanceMark,
    CrecheSession,
    Enrolment,
    EnrolmentStatus,
    ProgrammeRun,
    ProgrammeSession,
    SessionAttendance,
    SessionFormat,
)
from haven.programmes.services import NOT_YET_STARTED, start, start_problem
from haven.validators import date_problem, refuse, text_problem

TOPIC_MAX = 200
MAX_MINUTES = 8 * 60


def mark_field(enrolment_id: Any) -> str:
    """The form field (and problem key) of one person's mark on the register."""
    return f"mark_{enrolment_id}"


def register_of(run: ProgrammeRun) -> list[Enrolment]:
    """Who is on the group's register: everyone started and not yet finished, and those offered
    a place who have not started (their first attendance starts them)."""
    rows = (
        Enrolment.objects.filter(run=run)
        .select_related("case__person", "run__programme")
        .order_by("case__person__reference_code")
    )
    found = []
    for enrolment in rows:
        if enrolment.status in (EnrolmentStatus.STARTED, *NOT_YET_STARTED):
            found.append(enrolment)
    return found


def _day_problem(held_on: date | None, run: ProgrammeRun) -> str | None:
    if held_on is None:
        return "Enter the date of the session"
    if held_on > timezone.localdate():
        return "Date of the session must be today or in the past"
    return date_problem(held_on, subject="Date of the session", earliest=run.starts_on)


@transaction.atomic
def session_record(
    *,
    run: ProgrammeRun,
    held_on: date | None,
    session_format: str,
    duration_minutes: int | None,
    topic: str,
    marks: Mapping[Any, str],
    by: User,
    enrolment: Enrolment | None = None,
) -> ProgrammeSession:
    """Record a session held and its register, by a facilitator or manager of the run. A group
    session needs a mark for everyone started on the register; a one-to-one session is with one
    person who has a place (marked too)."""
    run = ProgrammeRun.objects.select_for_update().select_related("programme").get(pk=run.pk)
    if not by.has_perm("programmes.run_sessions", run):
        raise PermissionDenied
    if run.completed_on is not None:
        raise ValidationError("This group has finished: no more sessions are recorded")
    topic = topic.strip()
    refuse(
        {
            "held_on": _day_problem(held_on, run),
            "session_format": None
            if session_format in SessionFormat.values
            else "Select a group or one-to-one session",
            "duration_minutes": None
            if duration_minutes is not None and 1 <= duration_minutes <= MAX_MINUTES
            else f"Enter the length in minutes, from 1 to {MAX_MINUTES}",
            "topic": text_problem(topic, subject="Topic", limit=TOPIC_MAX),
        }
    )
    assert held_on is not None
    assert duration_minutes is not None
    register = register_of(run)
    if session_format == SessionFormat.ONE_TO_ONE:
        if enrolment is None or enrolment.run_id != run.pk:
            refuse({"enrolment": "Select who the one-to-one session was with"})
        assert enrolment is not None
        register = [e for e in register if e.pk == enrolment.pk]
        if not register:
            refuse({"enrolment": "Only someone with a current place has a one-to-one session"})
    problems: dict[str, str | None] = {}
    for person in register:
        mark = marks.get(person.pk, "")
        key = mark_field(person.pk)
        if mark and mark not in AttendanceMark.values:
            problems[key] = "Select attended, apologies or did not attend"
        elif not mark and person.status == EnrolmentStatus.STARTED:
            problems[key] = f"Select whether {person.case.person.reference_code} attended"
        elif mark == AttendanceMark.ATTENDED and person.status in NOT_YET_STARTED:
            problems[key] = start_problem(person)
        elif (
            mark and person.started_on and held_on < person.started_on
        ):  # a mark before their start
            problems[key] = f"{person.case.person.reference_code} started after this day"
    refuse(problems)
    session = ProgrammeSession.objects.create(
        run=run,
        held_on=held_on,
        format=session_format,
        enrolment=enrolment if session_format == SessionFormat.ONE_TO_ONE else None,
        duration_minutes=duration_minutes,
        topic=topic,
        recorded_by=by,
    )
    starting = [
        p.pk
        for p in register
        if marks.get(p.pk) == AttendanceMark.ATTENDED and p.status in NOT_YET_STARTED
    ]
    locked = Enrolment.objects.select_for_update().in_bulk(starting) if starting else {}
    rows, started = [], []
    for person in register:
        mark = marks.get(person.pk, "")
        if not mark:
            continue
        if person.pk in locked:
            start(locked[person.pk], held_on, by)
            person.status, person.started_on = EnrolmentStatus.STARTED, held_on
            started.append(person)
        rows.append(SessionAttendance(session=session, enrolment=person, mark=mark, recorded_by=by))
    SessionAttendance.objects.bulk_create(rows)
    # issue 16 item 1: the milestones and each person's mark on their own case timeline
    for person in started:
        timeline.started(person, by)
    timeline.session_marks(session, rows, by)
    audit_event(
        actor=by,
        action=AuditAction.CREATE,
        target=session,
        changes={
            "held_on": [None, held_on],
            "attended": [None, sum(1 for r in rows if r.mark == AttendanceMark.ATTENDED)],
        },
    )
    return session


@transaction.atomic
def creche_record(
    *,
    contract: Contract,
    run: ProgrammeRun | None,
    held_on: date | None,
    duration_minutes: int | None,
    children_count: int | None,
    venue: str,
    by: User,
) -> CrecheSession:
    """A crèche provided (seed 001 Lot 1 s5 "Provide crèche facilities", s8 "Number of crèche
    hours provided"): its day, length and the children looked after; by a manager of the
    service, or a facilitator of the run it ran beside."""
    allowed = by.has_perm("programmes.manage_programmes", contract) or (
        run is not None and by.has_perm("programmes.run_sessions", run)
    )
    if not allowed:
        raise PermissionDenied
    if run is not None and run.programme.contract_id != contract.pk:
        raise ValidationError("That group belongs to another service")
    venue = venue.strip()
    today = timezone.localdate()
    refuse(
        {
            "held_on": "Enter the date of the crèche"
            if held_on is None
            else (
                "Date of the crèche must be today or in the past"
                if held_on > today
                else date_problem(held_on, subject="Date of the crèche")
            ),
            "duration_minutes": None
            if duration_minutes is not None and 1 <= duration_minutes <= 12 * 60
            else "Enter the length in minutes, from 1 to 720",
            "children_count": None
            if children_count is not None and 1 <= children_count <= 100
            else "Enter the number of children, from 1 to 100",
            "venue": text_problem(venue, subject="Venue", limit=200),
        }
    )
    assert held_on is not None
    assert duration_minutes is not None
    assert children_count is not None
    creche = CrecheSession.objects.create(
        contract=contract,
        run=run,
        held_on=held_on,
        duration_minutes=duration_minutes,
        children_count=children_count,
        venue=venue,
        recorded_by=by,
    )
    audit_event(
        actor=by,
        action=AuditAction.CREATE,
        target=creche,
        changes={"duration_minutes": [None, duration_minutes]},
    )
    return creche
