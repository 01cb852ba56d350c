from datetime import UTC, date, datetime

from haven.core.formatting import date_format, datetime_format


def test_dates_use_the_gov_uk_style():
    assert date_format(date(2026, 12, 1)) == "1 December 2026"


def test_times_show_in_london_time_with_am_pm():
    assert (
        datetime_format(datetime(2026, 7, 1, 9, 5, tzinfo=UTC)) == "1 July 2026 at 10:05am"
    )  # BST
    assert (
        datetime_format(datetime(2026, 12, 1, 15, 30, tzinfo=UTC)) == "1 December 2026 at 3:30pm"
    )  # GMT


def test_midday_and_midnight_are_words():
    assert datetime_format(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)) == "1 December 2026 at midday"
    assert datetime_format(datetime(2026, 12, 1, 0, 0, tzinfo=UTC)) == "1 December 2026 at midnight"
