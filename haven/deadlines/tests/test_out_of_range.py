"""Any start time gives a deadline or OutOfRangeError with a message, never another exception.

Issue 9 s4: a referral dated 9999 overflowed the engine (`OverflowError: date value out of
range`). The engine works out deadlines for start times in 1900-2199 and refuses the rest.
"""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.deadlines import (
    LONDON,
    Action,
    DeadlineRule,
    Duration,
    OpeningHours,
    OpeningWindow,
    OutOfRangeError,
    ServiceClock,
    Situation,
    StartEvent,
    compute_deadline,
    evaluate,
)

_DAY = (OpeningWindow.parse("09:00", "18:00"),)
OFFICE_HOURS = ServiceClock(
    opening_hours=OpeningHours((_DAY,) * 5 + ((), ())), clock_starts_at_opening=True
)
ALWAYS_OPEN = ServiceClock()
DURATIONS = [
    Duration.hours(48),
    Duration.same_day(),
    Duration.days(7),
    Duration.working_days(5),
    Duration.weeks(6),
    Duration.months(3),
]
RULES = tuple(
    DeadlineRule(
        key=f"rule_{duration.kind}",
        label="Contact",
        start=start,
        duration=duration,
        action=Action.CONTACT_ANY,
        citation="seed 002 s3.7",
    )
    for duration in DURATIONS
    for start in (StartEvent.RECEIVED, StartEvent.INCIDENT)
)

zones = st.one_of(
    st.just(UTC),
    st.just(LONDON),
    st.timezones(),
    st.integers(-23 * 60 + 1, 23 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m))),
)
any_moment = st.datetimes(timezones=zones)


@settings(max_examples=300, deadline=None)
@given(moment=any_moment, clock=st.sampled_from([OFFICE_HOURS, ALWAYS_OPEN]))
def test_any_aware_start_time_gives_a_deadline_or_an_out_of_range_error(moment, clock):
    situation = Situation(events={StartEvent.RECEIVED: moment, StartEvent.INCIDENT: moment})
    if 1900 <= moment.year <= 2199:
        evaluation = evaluate(RULES, situation, clock)
        assert len(evaluation.computed) == len(RULES)
        assert all(item.due.year >= moment.year - 1 for item in evaluation.computed)
    else:
        with pytest.raises(OutOfRangeError, match=r"^The (received|incident) time must be") as info:
            evaluate(RULES, situation, clock)
        assert info.value.what in {"received time", "incident time"}
        assert info.value.event in {"received", "incident"}


@pytest.mark.parametrize("year", [1, 1000, 1899, 2200, 9999])
def test_a_start_in_an_implausible_year_is_refused_with_a_message(year):
    rule = RULES[0]
    with pytest.raises(
        OutOfRangeError, match=f"received time must be between 1900 and 2199, not {year}"
    ):
        compute_deadline(rule, datetime(year, 12, 31, 23, 0, tzinfo=UTC), OFFICE_HOURS)


def test_the_last_year_still_gives_a_deadline_in_the_next():
    rule = next(r for r in RULES if r.duration.kind == "months")
    computed = compute_deadline(rule, datetime(2199, 12, 31, 12, tzinfo=UTC), ALWAYS_OPEN)
    assert computed.due.year == 2200


def test_a_duration_past_the_year_9999_is_refused_not_overflowed():
    rule = DeadlineRule(
        key="forever",
        label="Review",
        start=StartEvent.RECEIVED,
        duration=Duration.days(10**7),
        action=Action.REVIEW,
        citation="seed 002 s3.7",
    )
    with pytest.raises(OutOfRangeError, match="past the last date"):
        compute_deadline(rule, datetime(2026, 1, 1, tzinfo=UTC), ALWAYS_OPEN)


def test_every_start_event_has_a_name_and_a_verb_for_explanations():
    # a start event added without its words made every explanation of its rules a KeyError
    from haven.deadlines.engine import EVENT_NAMES, EVENT_VERBS
    from haven.deadlines.rules import StartEvent

    assert set(EVENT_NAMES) == set(StartEvent)
    assert set(EVENT_VERBS) == set(StartEvent)
