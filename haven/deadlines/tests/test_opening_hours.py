"""Opening hours: weekly windows, bank holidays and the next opening time."""

from datetime import datetime

import pytest

from haven.deadlines import (
    LONDON,
    BankHolidayHours,
    OpeningHours,
    OpeningWindow,
    WorkingDayCalendar,
)


def london(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def victim_first_hours(bank_holidays: BankHolidayHours = BankHolidayHours.CLOSED) -> OpeningHours:
    """seed 002 s3.2: 09:00-18:00 Mon, Tue, Thu, Fri, Sat; 09:00-20:00 Wed; closed Sun."""
    day = (OpeningWindow.parse("09:00", "18:00"),)
    wednesday = (OpeningWindow.parse("09:00", "20:00"),)
    return OpeningHours((day, day, wednesday, day, day, day, ()), bank_holidays)


def dv360_hours(bank_holidays: BankHolidayHours) -> OpeningHours:
    """seed 000 s5: 10:00-21:00 weekdays, 10:00-19:00 weekends (Sunday made shorter here)."""
    weekday = (OpeningWindow.parse("10:00", "21:00"),)
    saturday = (OpeningWindow.parse("10:00", "19:00"),)
    sunday = (OpeningWindow.parse("12:00", "16:00"),)
    return OpeningHours((weekday,) * 5 + (saturday, sunday), bank_holidays)


def test_open_during_a_window_and_closed_at_closing_time():
    hours = victim_first_hours()
    assert hours.is_open(london("2026-12-01T09:00"))
    assert hours.is_open(london("2026-12-01T17:59:59"))
    assert not hours.is_open(london("2026-12-01T18:00"))
    assert not hours.is_open(london("2026-12-01T08:59"))


def test_wednesday_late_opening():
    assert victim_first_hours().is_open(london("2026-12-02T19:30"))


def test_sunday_referral_waits_for_monday_opening():
    opening = victim_first_hours().next_opening(london("2026-11-29T14:00"))
    assert opening == london("2026-11-30T09:00")


def test_next_opening_of_an_open_moment_is_that_moment():
    moment = london("2026-12-01T10:00")
    assert victim_first_hours().next_opening(moment) == moment


def test_closed_bank_holidays_push_opening_past_christmas():
    # 25 Dec Fri, 26 Dec Sat (Boxing Day), 27 Sun, 28 Mon (Boxing Day observed)
    opening = victim_first_hours().next_opening(london("2026-12-24T18:30"))
    assert opening == london("2026-12-29T09:00")


def test_open_bank_holidays_keep_weekday_hours():
    hours = victim_first_hours(BankHolidayHours.OPEN)
    assert hours.is_open(london("2026-12-25T10:00"))


def test_weekend_hours_on_a_bank_holiday_use_the_first_weekend_day():
    hours = dv360_hours(BankHolidayHours.WEEKEND_HOURS)
    assert hours.is_open(london("2026-08-31T18:30"))  # Saturday hours 10:00-19:00
    assert not hours.is_open(london("2026-08-31T20:00"))  # weekday hours would be open


def test_weekend_hours_follow_the_calendars_weekend_order():
    hours = OpeningHours(
        dv360_hours(BankHolidayHours.WEEKEND_HOURS).weekly,
        BankHolidayHours.WEEKEND_HOURS,
        WorkingDayCalendar(weekend=(6, 5)),
    )
    assert not hours.is_open(london("2026-08-31T11:00"))  # Sunday hours 12:00-16:00


def test_opening_is_found_across_a_clock_change():
    # Clocks go back on Sun 25 Oct 2026; Monday opening is 09:00 GMT.
    opening = victim_first_hours().next_opening(london("2026-10-24T19:00"))
    assert opening == london("2026-10-26T09:00")
    assert opening.utcoffset().total_seconds() == 0


def test_is_open_accepts_utc_moments():
    assert victim_first_hours().is_open(
        datetime.fromisoformat("2026-07-01T08:30+00:00")
    )  # 09:30 BST


def test_closed_reasons_are_plain_english():
    hours = victim_first_hours()
    assert hours.closed_reason(london("2026-11-29T14:00")) == "closed on Sundays"
    assert hours.closed_reason(london("2026-12-01T07:00")) == "before opening at 09:00"
    assert hours.closed_reason(london("2026-12-01T19:00")) == "after closing at 18:00"
    assert hours.closed_reason(london("2026-12-25T10:00")) == "bank holiday: Christmas Day"


def test_always_open_is_open_at_midnight_on_christmas_day():
    hours = OpeningHours.always_open()
    assert hours.is_always_open
    assert hours.is_open(london("2026-12-25T00:00"))


def test_a_service_that_never_opens_is_reported():
    with pytest.raises(ValueError, match="does not open"):
        OpeningHours(((),) * 7).next_opening(london("2026-12-01T10:00"))


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="no time zone"):
        victim_first_hours().is_open(datetime(2026, 12, 1, 10, 0))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        ("18:00", "09:00", "open before it closes"),
        ("9am", "18:00", "not a time"),
        ("09:00", "24:30", "between"),
    ],
)
def test_bad_windows_are_refused(opens, closes, message):
    with pytest.raises(ValueError, match=message):
        OpeningWindow.parse(opens, closes)


def test_overlapping_windows_are_refused():
    day = (OpeningWindow.parse("09:00", "13:00"), OpeningWindow.parse("12:00", "18:00"))
    with pytest.raises(ValueError, match="overlap"):
        OpeningHours((day,) * 7)


def test_a_window_to_midnight_stays_open_until_midnight():
    late = (OpeningWindow.parse("18:00", "24:00"),)
    hours = OpeningHours((late,) * 7)
    assert hours.is_open(london("2026-12-01T23:59:59"))
    assert hours.next_opening(london("2026-12-02T00:30")) == london("2026-12-02T18:00")
