"""Opening hours: weekly windows per weekday and what the service does on bank holidays."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from haven.deadlines.local_time import LONDON, local_datetime, require_aware
from haven.deadlines.working_days import WorkingDayCalendar

MINUTES_PER_DAY = 24 * 60
SEARCH_DAYS = 400  # a service closed for longer than this never opens


class BankHolidayHours(StrEnum):
    """How a service opens on a bank holiday."""

    CLOSED = "closed"
    OPEN = "open"  # its usual hours for that weekday
    WEEKEND_HOURS = "weekend_hours"  # the hours of the first weekend day the calendar lists


def parse_clock(text: str) -> int:
    """'09:30' -> 570 minutes after midnight; '24:00' is allowed as a closing time."""
    hours, sep, minutes = text.partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time like '09:00'")
    value = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or value > MINUTES_PER_DAY:
        raise ValueError(f"{text!r} is not a time between 00:00 and 24:00")
    return value


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class OpeningWindow:
    """Open from `opens` up to (not including) `closes`, in minutes after local midnight."""

    opens: int
    closes: int

    def __post_init__(self) -> None:
        if not 0 <= self.opens < self.closes <= MINUTES_PER_DAY:
            raise ValueError(f"an opening window must open before it closes: {self}")

    @classmethod
    def parse(cls, opens: str, closes: str) -> OpeningWindow:
        return cls(parse_clock(opens), parse_clock(closes))

    def contains(self, seconds_after_midnight: int) -> bool:
        return self.opens * 60 <= seconds_after_midnight < self.closes * 60

    @property
    def opening_time(self) -> time:
        return time(self.opens // 60, self.opens % 60)

    def __str__(self) -> str:
        return f"{format_clock(self.opens)}-{format_clock(self.closes)}"


ALL_DAY = (OpeningWindow(0, MINUTES_PER_DAY),)


@dataclass(frozen=True)
class OpeningHours:
    """When a service is open, so a start while it is closed can wait for the next opening."""

    weekly: tuple[
        tuple[OpeningWindow, ...], ...
    ]  # seven entries, Monday first; () = closed all day
    bank_holidays: BankHolidayHours = BankHolidayHours.CLOSED
    calendar: WorkingDayCalendar = field(default_factory=WorkingDayCalendar)
    timezone: ZoneInfo = LONDON

    def __post_init__(self) -> None:
        if len(self.weekly) != 7:
            raise ValueError(
                f"weekly opening hours need 7 days (Monday first), not {len(self.weekly)}"
            )
        for windows in self.weekly:
            ordered = sorted(windows, key=lambda window: window.opens)
            if any(a.closes > b.opens for a, b in itertools.pairwise(ordered)):
                raise ValueError(f"opening windows overlap: {', '.join(map(str, windows))}")

    @classmethod
    def always_open(
        cls, calendar: WorkingDayCalendar | None = None, timezone: ZoneInfo = LONDON
    ) -> OpeningHours:
        """A 24/7 service (a profile without opening hours)."""
        return cls(
            (ALL_DAY,) * 7, BankHolidayHours.OPEN, calendar or WorkingDayCalendar(), timezone
        )

    @property
    def is_always_open(self) -> bool:
        return self.bank_holidays is BankHolidayHours.OPEN and all(
            w == ALL_DAY for w in self.weekly
        )

    def windows_on(self, day: date) -> tuple[OpeningWindow, ...]:
        """The local opening windows on `day`, bank holidays included."""
        if self.calendar.bank_holiday(day) is None or self.bank_holidays is BankHolidayHours.OPEN:
            return self.weekly[day.weekday()]
        if self.bank_holidays is BankHolidayHours.CLOSED or not self.calendar.weekend:
            return ()
        return self.weekly[self.calendar.weekend[0]]

    def is_open(self, moment: datetime) -> bool:
        """Whether the service is open at `moment` (an aware datetime)."""
        require_aware(moment)
        local = moment.astimezone(self.timezone)
        seconds = local.hour * 3600 + local.minute * 60 + local.second
        return any(window.contains(seconds) for window in self.windows_on(local.date()))

    def next_opening(self, moment: datetime) -> datetime:
        """`moment` itself when open, otherwise the next local opening time after it."""
        local = moment.astimezone(self.timezone)
        if self.is_open(moment):
            return local
        for offset in range(SEARCH_DAYS):
            day = local.date() + timedelta(days=offset)
            for window in sorted(self.windows_on(day), key=lambda w: w.opens):
                opens = local_datetime(day, window.opening_time, self.timezone)
                if opens > moment:
                    return opens
        raise ValueError(
            f"the service does not open within {SEARCH_DAYS} days of {local.isoformat()}"
        )

    def closed_reason(self, moment: datetime) -> str:
        """Why the service is closed at `moment`, in words: 'closed on Sundays', 'after 18:00'."""
        local = moment.astimezone(self.timezone)
        day = local.date()
        holiday = self.calendar.bank_holiday(day)
        on_holiday = holiday is not None and self.bank_holidays is not BankHolidayHours.OPEN
        windows = self.windows_on(day)
        if not windows:
            return f"bank holiday: {holiday}" if on_holiday else f"closed on {day:%A}s"
        minutes = local.hour * 60 + local.minute
        if minutes < min(w.opens for w in windows):
            reason = f"before opening at {format_clock(min(w.opens for w in windows))}"
        elif minutes >= max(w.closes for w in windows):
            reason = f"after closing at {format_clock(max(w.closes for w in windows))}"
        else:
            reason = "between opening times"
        return f"bank holiday: {holiday}, {reason}" if on_holiday else reason
