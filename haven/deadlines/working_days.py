"""Working days: Monday to Friday that is not a bank holiday (England and Wales by default)."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

_holiday_lock = threading.Lock()


@functools.cache
def _bank_holidays(country: str, subdiv: str | None) -> holidays.HolidayBase:
    """One shared holiday table per country/subdivision; years fill in lazily on lookup."""
    return holidays.country_holidays(country, subdiv=subdiv)


def weekday_number(name: str) -> int:
    """'mon' -> 0 ... 'sun' -> 6, as `date.weekday()` numbers them."""
    try:
        return WEEKDAY_NAMES.index(name.lower()[:3])
    except ValueError:
        raise ValueError(
            f"unknown weekday {name!r}; use one of {', '.join(WEEKDAY_NAMES)}"
        ) from None


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Which days count as working days: not a weekend day and not a bank holiday."""

    country: str = "GB"
    subdiv: str | None = "ENG"
    weekend: tuple[int, ...] = (5, 6)  # date.weekday() numbers, in the order the profile lists them

    def __post_init__(self) -> None:
        if any(day not in range(7) for day in self.weekend):
            raise ValueError(f"weekend days must be 0 (Monday) to 6 (Sunday), not {self.weekend}")
        if len(set(self.weekend)) == 7:
            raise ValueError("a calendar with every day in the weekend has no working days")
        try:
            _bank_holidays(self.country, self.subdiv)
        except NotImplementedError as exc:  # how holidays reports an unknown country/subdivision
            raise ValueError(str(exc)) from None

    def bank_holiday(self, day: date) -> str | None:
        """The bank holiday's name on `day`, or None."""
        table = _bank_holidays(self.country, self.subdiv)
        with _holiday_lock:  # the table fills in a year on first lookup
            name: str | None = table.get(day)
        return name

    def is_weekend(self, day: date) -> bool:
        return day.weekday() in self.weekend

    def is_working_day(self, day: date) -> bool:
        return not self.is_weekend(day) and self.bank_holiday(day) is None

    def add_working_days(self, day: date, count: int) -> date:
        """The `count`th working day strictly after `day` (received Monday + 5 = next Monday)."""
        if count < 1:
            raise ValueError(f"working days must be at least 1, not {count}")
        found = 0
        while found < count:
            day += timedelta(days=1)
            found += self.is_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """How many working days fall after `start` and on or before `end`."""
        return sum(self.is_working_day(day) for day in _days_after(start, end))

    def bank_holidays_between(self, start: date, end: date) -> list[tuple[date, str]]:
        """Bank holidays after `start` and on or before `end`, with their names."""
        found = [(day, self.bank_holiday(day)) for day in _days_after(start, end)]
        return [(day, name) for day, name in found if name is not None]


def _days_after(start: date, end: date) -> Iterator[date]:
    day = start + timedelta(days=1)
    while day <= end:
        yield day
        day += timedelta(days=1)
