"""Waiting-list measures (issue 13) on small hand-built facts: Wokingham's "Number on wait
list" and "Reasons for waitlist" (seed 003 s13) and the people "held on a waiting list" (s14).
The period is 1 April to 30 June 2026."""

from __future__ import annotations

from datetime import UTC, datetime

from haven.reporting.facts import Facts, WaitingListEntryFact
from haven.reporting.measures.base import NEEDS
from haven.reporting.tests.test_measures_contact import (
    JUST_AFTER,
    JUST_BEFORE,
    JUST_INSIDE,
    LAST_MINUTE,
    result,
)

SLUG = "wokingham-da-2017"
MAY = datetime(2026, 5, 5, 10, tzinfo=UTC)
MARCH = datetime(2026, 3, 1, 10, tzinfo=UTC)


def entry(eid, case, joined, left=None, reason="no_capacity", how=""):
    return WaitingListEntryFact(eid, case, reason, joined, left, how or ("closed" if left else ""))


ENTRIES = [
    entry(1, "a", MARCH, JUST_BEFORE),  # left before the quarter: not counted
    entry(2, "b", MARCH, JUST_INSIDE, how="support_started"),  # left in its first minutes
    entry(3, "c", MARCH),  # still waiting through the quarter
    entry(4, "d", LAST_MINUTE, reason="group_start"),  # joined in its last minute
    entry(5, "e", JUST_AFTER),  # joined after it
    entry(6, "f", MAY, MAY, reason="person_asked"),  # a short stay inside it
    entry(7, "f", MAY, reason="specialist_language"),  # the same case again
]


def test_seed_003_s14_people_held_on_the_list_at_any_time_in_the_quarter():
    res = result(SLUG, "waiting_list", Facts(waiting_list_entries=ENTRIES))
    assert res.value == 4  # b, c, d, f (f once)
    assert res.figure.kind == "waiting_list_entry"


def test_seed_003_s13_reasons_for_waitlist_count_each_stay_under_its_reason():
    res = result(SLUG, "waiting_list_reasons", Facts(waiting_list_entries=ENTRIES))
    assert res.value == 5
    cells = {c.key: c.value for c in res.breakdowns[0].cells}
    assert cells["no_capacity"] == 2
    assert cells["group_start"] == 1
    assert cells["person_asked"] == 1
    assert cells["specialist_language"] == 1
    assert cells["not_known"] == 0


def test_the_measures_read_only_the_waiting_list_facts():
    assert NEEDS["waiting_list"] == {"waiting_list"}
    assert NEEDS["waiting_list_reasons"] == {"waiting_list"}
