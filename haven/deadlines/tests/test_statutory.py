"""reference.md s7: subject access and erasure deadlines in calendar months, rolled forward."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from haven.deadlines.statutory import calendar_months_after, statutory_due_date
from haven.deadlines.working_days import WorkingDayCalendar


def test_reference_s7_one_month_is_the_corresponding_date_next_month():
    # 3 March 2026 (a Tuesday) -> 3 April 2026 is Good Friday -> Tuesday 7 April (Easter Monday)
    assert calendar_months_after(date(2026, 3, 3), 1) == date(2026, 4, 3)
    assert statutory_due_date(date(2026, 3, 3)) == date(2026, 4, 7)


def test_reference_s7_no_corresponding_date_uses_the_last_day_of_the_month():
    assert calendar_months_after(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert calendar_months_after(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert calendar_months_after(date(2026, 8, 31), 1) == date(2026, 9, 30)


def test_reference_s7_a_weekend_deadline_moves_to_the_next_working_day():
    # received Saturday 10 October 2026 -> Tuesday 10 November 2026 is a working day
    assert statutory_due_date(date(2026, 10, 10)) == date(2026, 11, 10)
    # received 7 February 2026 -> Saturday 7 March 2026 -> Monday 9 March 2026
    assert statutory_due_date(date(2026, 2, 7)) == date(2026, 3, 9)


def test_reference_s7_an_extension_counts_three_months_from_the_original_start():
    assert statutory_due_date(date(2026, 11, 30), months=3) == date(2027, 3, 1)  # 28 Feb is Sunday


def test_reference_s7_stopped_clock_days_push_the_deadline_back():
    assert statutory_due_date(date(2026, 6, 1), paused_days=9) == date(2026, 7, 10)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(0, 3))
def test_the_due_date_is_a_working_day_within_a_week_of_the_calendar_date(received, months):
    plain = calendar_months_after(received, months)
    due = statutory_due_date(received, months=months)
    assert WorkingDayCalendar().is_working_day(due)
    assert plain <= due <= plain + timedelta(days=6)
