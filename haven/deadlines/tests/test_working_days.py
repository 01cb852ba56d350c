"""Working days: England and Wales bank holidays and the weekend are skipped (contracts.md)."""

from datetime import date

import pytest

from haven.deadlines import WorkingDayCalendar, weekday_number

ENGLAND = WorkingDayCalendar()


def test_christmas_and_boxing_day_observed_are_bank_holidays_in_2026():
    assert ENGLAND.bank_holiday(date(2026, 12, 25)) == "Christmas Day"
    assert ENGLAND.bank_holiday(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert ENGLAND.bank_holiday(date(2026, 12, 29)) is None


def test_one_off_bank_holidays_are_known():
    assert ENGLAND.bank_holiday(date(2022, 9, 19)) is not None  # State Funeral of Elizabeth II
    assert ENGLAND.bank_holiday(date(2023, 5, 8)) is not None  # Coronation of Charles III


def test_received_monday_five_working_days_is_the_following_monday():
    # contracts.md: "received Monday, 5 working days = end of the following Monday"
    assert ENGLAND.add_working_days(date(2026, 11, 30), 5) == date(2026, 12, 7)


def test_working_days_skip_christmas_bank_holidays():
    # contracts.md reference: in person Mon 21 Dec 2026 -> visit by Wed 30 Dec 2026
    assert ENGLAND.add_working_days(date(2026, 12, 21), 5) == date(2026, 12, 30)


def test_working_days_skip_late_summer_bank_holiday():
    # contracts.md reference: Wokingham enquiry Fri 28 Aug 2026 -> Wed 2 Sep 2026
    assert ENGLAND.add_working_days(date(2026, 8, 28), 2) == date(2026, 9, 2)


def test_a_weekend_start_counts_from_monday():
    assert ENGLAND.add_working_days(date(2026, 11, 29), 1) == date(2026, 11, 30)


def test_working_days_between_counts_days_after_start_up_to_end():
    assert ENGLAND.working_days_between(date(2026, 12, 21), date(2026, 12, 30)) == 5
    assert ENGLAND.working_days_between(date(2026, 12, 21), date(2026, 12, 21)) == 0


def test_bank_holidays_between_names_them():
    found = ENGLAND.bank_holidays_between(date(2026, 8, 28), date(2026, 9, 2))
    assert found == [(date(2026, 8, 31), "Late Summer Bank Holiday")]


def test_scotland_has_its_own_bank_holidays():
    scotland = WorkingDayCalendar(subdiv="SCT")
    assert scotland.bank_holiday(date(2026, 8, 31)) is None
    assert scotland.bank_holiday(date(2026, 8, 3)) is not None  # Summer Bank Holiday (first Monday)


def test_a_different_weekend_changes_working_days():
    friday_saturday = WorkingDayCalendar(weekend=(4, 5))
    assert friday_saturday.is_working_day(date(2026, 11, 29))  # Sunday
    assert not friday_saturday.is_working_day(date(2026, 11, 27))  # Friday


@pytest.mark.parametrize("count", [0, -1])
def test_working_days_must_be_positive(count):
    with pytest.raises(ValueError, match="at least 1"):
        ENGLAND.add_working_days(date(2026, 1, 5), count)


def test_a_calendar_without_working_days_is_refused():
    with pytest.raises(ValueError, match="no working days"):
        WorkingDayCalendar(weekend=tuple(range(7)))


def test_an_unknown_subdivision_is_refused():
    with pytest.raises(ValueError, match="XXX"):
        WorkingDayCalendar(subdiv="XXX")


def test_weekday_names_read_as_date_weekday_numbers():
    assert weekday_number("mon") == 0
    assert weekday_number("Sunday") == 6
    with pytest.raises(ValueError, match="unknown weekday"):
        weekday_number("funday")
