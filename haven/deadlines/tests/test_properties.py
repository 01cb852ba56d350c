"""Properties of working-day and clock arithmetic across 2020-2035, clock changes included."""

from datetime import UTC, date, datetime, time, timedelta

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from haven.deadlines import (
    LONDON,
    Action,
    DeadlineRule,
    Duration,
    OpeningHours,
    OpeningWindow,
    ServiceClock,
    StartEvent,
    WorkingDayCalendar,
    compute_deadline,
    due_time,
    end_of_day,
)

ENGLAND = WorkingDayCalendar()
BANK_HOLIDAYS = holidays.country_holidays("GB", subdiv="ENG", years=range(2020, 2037))
FIRST, LAST = date(2020, 1, 1), date(2035, 12, 31)
PROPERTY = settings(max_examples=150, deadline=None)


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


# UK clocks change at 01:00 UTC on the last Sunday of March and of October.
CLOCK_CHANGES = [
    datetime.combine(_last_sunday(year, month), time(1), tzinfo=UTC)
    for year in range(2020, 2036)
    for month in (3, 10)
]
CLOCK_CHANGE_DAYS = [moment.date() for moment in CLOCK_CHANGES]

days = st.one_of(st.dates(FIRST, LAST), st.sampled_from(CLOCK_CHANGE_DAYS))
near_clock_changes = st.builds(
    lambda moment, seconds: moment + timedelta(seconds=seconds),
    st.sampled_from(CLOCK_CHANGES),
    st.integers(-2 * 86400, 2 * 86400),
)
instants = st.one_of(
    st.datetimes(
        datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis bounds are naive; zones come from `timezones`
        datetime(2035, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    near_clock_changes,
).map(lambda moment: moment.astimezone(LONDON))
working_day_counts = st.integers(min_value=1, max_value=30)


def _is_working_day(day: date) -> bool:
    """The contracts.md definition, straight from the holidays table."""
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


@PROPERTY
@given(start=days, count=working_day_counts)
def test_working_day_result_is_a_working_day_strictly_after_the_start(start, count):
    result = ENGLAND.add_working_days(start, count)
    assert result > start
    assert _is_working_day(result)
    assert result.weekday() < 5
    assert result not in BANK_HOLIDAYS


@PROPERTY
@given(start=days, count=working_day_counts)
def test_exactly_n_working_days_lie_between_start_and_result(start, count):
    result = ENGLAND.add_working_days(start, count)
    between = [start + timedelta(days=i) for i in range(1, (result - start).days + 1)]
    assert sum(map(_is_working_day, between)) == count
    assert ENGLAND.working_days_between(start, result) == count
    assert ENGLAND.working_days_between(start, result - timedelta(days=1)) == count - 1


@PROPERTY
@given(start=instants, count=working_day_counts)
def test_working_day_deadlines_end_at_23_59_59_local(start, count):
    due = due_time(Duration.working_days(count), start, ENGLAND)
    assert due.tzinfo == LONDON
    assert due.time() == time(23, 59, 59)
    assert due.date() == ENGLAND.add_working_days(start.date(), count)
    assert (due + timedelta(seconds=1)).astimezone(LONDON).time() == time(0, 0)


@PROPERTY
@given(day=days)
def test_end_of_day_is_the_last_second_of_the_local_day_even_on_clock_change_days(day):
    last = end_of_day(day)
    wall = last.astimezone(UTC).astimezone(LONDON)
    assert (wall.date(), wall.time()) == (day, time(23, 59, 59))
    after = (last.astimezone(UTC) + timedelta(seconds=1)).astimezone(LONDON)
    assert (after.date(), after.time()) == (day + timedelta(days=1), time(0, 0))


@PROPERTY
@given(start=instants, hours=st.integers(min_value=1, max_value=24 * 14))
def test_hours_are_exact_elapsed_time_in_utc(start, hours):
    due = due_time(Duration.hours(hours), start, ENGLAND)
    assert due.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)
    assert due.tzinfo == LONDON


@PROPERTY
@given(start=instants, count=st.integers(min_value=1, max_value=60))
def test_days_and_weeks_end_on_the_counted_local_date(start, count):
    by_days = due_time(Duration.days(count), start, ENGLAND)
    by_weeks = due_time(Duration.weeks(count), start, ENGLAND)
    assert by_days.date() == start.date() + timedelta(days=count)
    assert by_weeks.date() == start.date() + timedelta(days=7 * count)
    assert by_days.time() == by_weeks.time() == time(23, 59, 59)


@PROPERTY
@given(start=instants, count=st.integers(min_value=1, max_value=24))
def test_months_land_in_the_counted_month_clamped_to_its_end(start, count):
    due = due_time(Duration.months(count), start, ENGLAND)
    months = (due.year - start.year) * 12 + due.month - start.month
    assert months == count
    assert due.day == start.day or (due.day < start.day and (due + timedelta(days=1)).day == 1)
    assert due.time() == time(23, 59, 59)


_DAY = (OpeningWindow.parse("09:00", "18:00"),)
VICTIM_FIRST_CLOCK = ServiceClock(
    opening_hours=OpeningHours(
        (_DAY, _DAY, (OpeningWindow.parse("09:00", "20:00"),), _DAY, _DAY, _DAY, ())
    ),
    clock_starts_at_opening=True,
)
PHONE_48H = DeadlineRule(
    key="first_contact_phone",
    label="Telephone contact",
    start=StartEvent.RECEIVED,
    duration=Duration.hours(48),
    action=Action.PHONE_CONTACT,
    citation="seed 002 s3.7",
)


@PROPERTY
@given(received=instants)
def test_clock_starts_at_the_first_open_moment_at_or_after_arrival(received):
    """seed 002 s3.2 hours; contracts.md: a referral arriving while closed waits for opening."""
    computed = compute_deadline(PHONE_48H, received, VICTIM_FIRST_CLOCK)
    starts = computed.clock_start.starts_at
    hours = VICTIM_FIRST_CLOCK.hours
    assert starts >= received
    assert hours.is_open(starts)
    if starts != received:
        assert not hours.is_open(received)
        assert not hours.is_open(starts - timedelta(seconds=1))
        assert (starts.hour, starts.minute) == (9, 0)
    assert computed.due.astimezone(UTC) - starts.astimezone(UTC) == timedelta(hours=48)
