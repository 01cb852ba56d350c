"""The pure web chat slot function (seed 002 s3.6: "a secure web chat facility at a specific
date/time within 5 working days"), with properties checked by hypothesis."""

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.deadlines.opening_hours import BankHolidayHours, OpeningHours, OpeningWindow
from haven.deadlines.working_days import WorkingDayCalendar
from haven.portal.slots import chat_slots, last_day, slot_by_key

# Victim First's opening hours (seed 002 s3.2): 09:00-18:00, Wednesday to 20:00, Saturday too
NINE_TO_SIX = (OpeningWindow.parse("09:00", "18:00"),)
VICTIM_FIRST_HOURS = OpeningHours(
    (
        NINE_TO_SIX,
        NINE_TO_SIX,
        (OpeningWindow.parse("09:00", "20:00"),),
        NINE_TO_SIX,
        NINE_TO_SIX,
        NINE_TO_SIX,
        (),
    ),
    BankHolidayHours.CLOSED,
    WorkingDayCalendar(),
)


def _slots(now, **kwargs):
    options = {"hours": VICTIM_FIRST_HOURS, "slot_minutes": 30, "within_working_days": 5}
    return chat_slots(now=now, **{**options, **kwargs})


def test_seed_002_s3_6_slots_run_to_the_fifth_working_day():
    # Monday 7 December 2026, 08:00 UTC: the 5th working day after is Monday 14 December
    now = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    slots = _slots(now)
    assert last_day(now, VICTIM_FIRST_HOURS, 5) == date(2026, 12, 14)
    assert slots[0].starts_at == datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
    assert slots[-1].starts_at == datetime(2026, 12, 14, 17, 30, tzinfo=UTC)
    days = {slot.starts_at.date() for slot in slots}
    assert date(2026, 12, 12) in days  # open on Saturday (s3.2)
    assert date(2026, 12, 13) not in days  # closed on Sunday
    assert any(slot.starts_at.hour == 19 for slot in slots if slot.starts_at.weekday() == 2)


def test_seed_002_s3_6_no_slots_on_a_bank_holiday():
    now = datetime(2026, 12, 23, 8, 0, tzinfo=UTC)
    days = {slot.starts_at.date() for slot in _slots(now)}
    assert date(2026, 12, 25) not in days
    assert date(2026, 12, 28) not in days
    assert date(2026, 12, 24) in days


def test_a_full_slot_is_not_offered_and_capacity_counts_bookings():
    now = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    first = _slots(now)[0]
    assert first not in _slots(now, booked=[first.starts_at])
    assert first in _slots(now, booked=[first.starts_at], capacity=2)
    assert first not in _slots(now, booked=[first.starts_at] * 2, capacity=2)


def test_slots_start_after_the_notice():
    now = datetime(2026, 12, 7, 10, 10, tzinfo=UTC)
    assert _slots(now)[0].starts_at == datetime(2026, 12, 7, 11, 30, tzinfo=UTC)


def test_slot_by_key_finds_only_offered_slots():
    slots = _slots(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))
    assert slot_by_key(slots, slots[3].key) == slots[3]
    assert slot_by_key(slots, "2026-12-07T03:00:00+00:00") is None


@settings(max_examples=60, deadline=None)
@given(
    now=st.datetimes(
        min_value=datetime(2026, 1, 1),  # noqa: DTZ001  hypothesis takes naive bounds
        max_value=datetime(2028, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    slot_minutes=st.sampled_from([15, 20, 30, 45, 60]),
    within=st.integers(min_value=1, max_value=10),
    capacity=st.integers(min_value=1, max_value=3),
    taken=st.lists(st.integers(min_value=0, max_value=40), max_size=10),
)
def test_every_slot_is_in_opening_hours_within_the_working_days_and_free(
    now, slot_minutes, within, capacity, taken
):
    """seed 002 s3.6: every offered slot lies wholly in opening hours, after now, no later than
    the last working day allowed, and is not already booked to capacity."""
    offered = _slots(now, slot_minutes=slot_minutes, within_working_days=within)
    booked = [offered[i].starts_at for i in taken if i < len(offered)] * capacity
    slots = _slots(
        now, slot_minutes=slot_minutes, within_working_days=within, booked=booked, capacity=capacity
    )
    final = last_day(now, VICTIM_FIRST_HOURS, within)
    assert slots == sorted(set(slots))
    for slot in slots:
        assert slot.starts_at >= now + timedelta(hours=1)
        assert slot.ends_at - slot.starts_at == timedelta(minutes=slot_minutes)
        assert VICTIM_FIRST_HOURS.is_open(slot.starts_at)
        assert VICTIM_FIRST_HOURS.is_open(slot.ends_at - timedelta(seconds=1))
        local = slot.starts_at.astimezone(VICTIM_FIRST_HOURS.timezone)
        assert local.date() <= final
        assert slot.starts_at not in set(booked)
    # nothing free is left out: every offered slot not booked is still offered
    assert {s for s in offered if s.starts_at not in set(booked)} == set(slots)


def test_the_slot_function_imports_no_django():
    """Pure (the deadline engine's opening hours and calendar only), so it is property-tested."""
    import ast
    from pathlib import Path

    import haven.portal.slots as slots

    tree = ast.parse(Path(slots.__file__).read_text())
    imported = [
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if name.startswith("django")]
