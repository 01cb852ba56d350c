"""Local wall-clock helpers: deadlines are computed and shown in Europe/London, stored as UTC."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
END_OF_DAY = time(23, 59, 59)
# Deadlines are worked out for start times in these years; others are typing slips (year 1000,
# 9999) and would overflow Python's dates once a duration is added.
FIRST_YEAR = 1900
LAST_YEAR = 2199


class OutOfRangeError(ValueError):
    """A time the deadline engine does not work with; the message says which and why.

    `what` names the input ("received time") and `event` the start event's value ("received"),
    so a caller can show the message on that field.
    """

    def __init__(self, what: str, message: str, event: str | None = None) -> None:
        super().__init__(message)
        self.what = what
        self.event = event


def require_aware(moment: datetime, what: str = "time") -> None:
    """Refuse naive datetimes: a deadline computed from one would silently be wrong by an hour."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"the {what} {moment.isoformat()} has no time zone")


def require_in_range(moment: datetime, what: str = "time", event: str | None = None) -> None:
    """Refuse a start time outside FIRST_YEAR..LAST_YEAR (as its own clock reads it)."""
    require_aware(moment, what)
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise OutOfRangeError(
            what,
            f"The {what} must be between {FIRST_YEAR} and {LAST_YEAR}, not {moment.year}",
            event,
        )


def local_datetime(day: date, wall_time: time, tz: ZoneInfo = LONDON) -> datetime:
    """The aware moment a wall clock in `tz` shows `wall_time` on `day` (gaps move forward)."""
    naive = datetime.combine(day, wall_time)
    return naive.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)


def end_of_day(day: date, tz: ZoneInfo = LONDON) -> datetime:
    """23:59:59 local on `day`; UK clock changes happen at 01:00 UTC so this always exists once."""
    return local_datetime(day, END_OF_DAY, tz)


def add_hours(start: datetime, hours: int) -> datetime:
    """Exactly `hours` elapsed hours after `start`, in start's zone (absolute, not wall-clock)."""
    require_aware(start, "start")
    tz = start.tzinfo
    return (start.astimezone(UTC) + timedelta(hours=hours)).astimezone(tz)


def add_months(day: date, months: int) -> date:
    """The same day-of-month `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    if not date.min.year <= year <= date.max.year:
        raise OutOfRangeError("due date", f"{months} months after {day} is past the year 9999")
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def describe_day(day: date) -> str:
    """'Monday 21 Dec 2026': the way staff read a date."""
    return f"{day:%A} {day.day} {day:%b %Y}"


def describe_moment(moment: datetime) -> str:
    """'Sunday 29 Nov 2026 14:00 GMT' (seconds only when they matter, e.g. 23:59:59)."""
    clock = f"{moment:%H:%M:%S}" if moment.second else f"{moment:%H:%M}"
    return f"{describe_day(moment.date())} {clock} {moment.tzname()}"
