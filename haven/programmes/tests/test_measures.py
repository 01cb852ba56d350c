"""The groups and programmes measures (measures/programmes.py) on small hand-built facts; the
period is 1 April to 30 June 2026 (seed 001 Lot 1 s8, Lot 4 s8; seed 002 s7; seed 003 s13)."""

from __future__ import annotations

from datetime import date

from haven.reporting.facts import (
    CrecheSessionFact,
    Facts,
    PreGroupContactFact,
    ProgrammeAttendanceFact,
    ProgrammeEnrolmentFact,
    ProgrammeRunFact,
    ProgrammeSessionFact,
)
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.programmes import (
    attendances,
    attendees,
    completion_rate,
    creche_hours,
    groups_completed,
    groups_started,
    places,
    places_supported,
    pre_group_contacts,
    sessions_held,
)
from haven.reporting.tests.test_measures_contact import NOW, Q1

IN, BEFORE, AFTER = date(2026, 5, 1), date(2026, 3, 1), date(2026, 7, 2)


def place(
    pid,
    status,
    kind="perpetrator",
    offered=IN,
    assessed=None,
    started=None,
    completed=None,
    ended=None,
):
    return ProgrammeEnrolmentFact(
        pid, f"case{pid}", "run", kind, status, offered, assessed, started, completed, ended, ""
    )


def ctx(**rows) -> MeasureContext:
    return MeasureContext(facts=Facts(**rows), period=Q1, now=NOW)


def test_seed_001_lot_4_s8_groups_started_by_first_session_and_completed_by_date():
    runs = [
        ProgrammeRunFact(1, "perpetrator", BEFORE, IN, BEFORE),
        ProgrammeRunFact(2, "perpetrator", IN, None, IN),
        ProgrammeRunFact(3, "perpetrator", IN, None, None),  # no session yet: not started
        ProgrammeRunFact(4, "respect_toolkit", IN, IN, IN),
    ]
    assert groups_started(ctx(programme_runs=runs), kinds=["perpetrator"]).numerator == (2,)
    assert groups_completed(ctx(programme_runs=runs), kinds=["perpetrator"]).numerator == (1,)
    assert groups_completed(ctx(programme_runs=runs), kinds=["respect_toolkit"]).value == 1


def test_seed_001_places_count_at_each_steps_own_day():
    rows = [
        place(1, "started", offered=BEFORE, assessed=BEFORE, started=IN),
        place(2, "completed", offered=BEFORE, started=BEFORE, completed=IN),
        place(3, "assessed", offered=IN, assessed=IN),
        place(4, "offered", offered=AFTER),
    ]
    c = ctx(programme_enrolments=rows)
    assert places(c, stage="started").numerator == (1,)
    assert places(c, stage="completed").numerator == (2,)
    assert places(c, stage="assessed").numerator == (3,)
    assert places(c, stage="offered").numerator == (3,)


def test_seed_001_lot_4_s8_completion_rate_is_over_places_finished_after_starting():
    rows = [
        place(1, "completed", started=BEFORE, completed=IN),
        place(2, "dropped_out", started=BEFORE, ended=IN),
        place(3, "not_started", ended=IN),  # never started: in neither
        place(4, "completed", started=BEFORE, completed=BEFORE),  # another period
    ]
    figure = completion_rate(ctx(programme_enrolments=rows), kinds=["perpetrator"])
    assert figure.numerator == (1,)
    assert figure.denominator == (1, 2)
    assert figure.value == 0.5


def test_seed_003_s13_perpetrators_supported_are_on_the_programme_in_the_period():
    rows = [
        place(1, "started", started=BEFORE),
        place(2, "completed", started=BEFORE, completed=BEFORE),
        place(3, "dropped_out", started=BEFORE, ended=IN),
        place(4, "started", started=AFTER),
        place(5, "offered"),
    ]
    assert places_supported(ctx(programme_enrolments=rows)).numerator == (1, 3)


def test_seed_002_s7_young_peoples_group_sessions_and_attendees():
    sessions = [
        ProgrammeSessionFact(1, "r", "young_people", IN, "group", 90),
        ProgrammeSessionFact(2, "r", "young_people", IN, "one_to_one", 60),
        ProgrammeSessionFact(3, "r", "perpetrator", IN, "group", 120),
    ]
    marks = [
        ProgrammeAttendanceFact(1, 1, "p1", "c1", "young_people", IN, "group", "attended"),
        ProgrammeAttendanceFact(2, 1, "p2", "c2", "young_people", IN, "group", "apologies"),
        ProgrammeAttendanceFact(3, 4, "p1", "c1", "young_people", IN, "group", "attended"),
        ProgrammeAttendanceFact(4, 2, "p3", "c3", "young_people", IN, "one_to_one", "attended"),
    ]
    c = ctx(programme_sessions=sessions, programme_attendance=marks)
    assert sessions_held(c, kinds=["young_people"], session_format="group").numerator == (1,)
    assert attendees(c, kinds=["young_people"], session_format="group").numerator == ("p1",)
    assert attendances(c, kinds=["young_people"]).numerator == (1, 3, 4)


def test_seed_001_lot_4_s8_pre_group_contacts_in_the_period():
    rows = [
        PreGroupContactFact(1, "p", "c", "perpetrator", IN),
        PreGroupContactFact(2, "p", "c", "perpetrator", BEFORE),
    ]
    assert pre_group_contacts(ctx(pre_group_contacts=rows)).numerator == (1,)


def test_seed_001_lot_1_s8_creche_hours_sum_the_lengths():
    rows = [
        CrecheSessionFact(1, IN, 120, 6),
        CrecheSessionFact(2, IN, 90, 4),
        CrecheSessionFact(3, AFTER, 60, 2),
    ]
    assert creche_hours(ctx(creche_sessions=rows)).value == 3.5
