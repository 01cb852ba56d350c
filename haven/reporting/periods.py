"""Reporting periods: a contract's quarters, months, half-years and years, or any date range.

Pure: no Django. A period is a run of whole local dates [first, last]; its instants are local
midnight at the start of `first` to local midnight after `last`, so a referral at 23:59:59 BST on
30 June belongs to the quarter ending 30 June. Quarters and half-years follow the contract's own
year (`contract_year_start`, e.g. "04-01" financial year, "07-01" Wokingham): "2026-Q1" is the
first quarter of the contract year that starts in 2026.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class PeriodError(ValueError):
    """A period that cannot be read; the message says what to write instead."""


@dataclass(frozen=True)
class Period:
    kind: str  # quarter | month | half_year | year | range
    code: str  # e.g. 2026-Q1, 2026-04, 2026-H1, 2026-Y, 2026-04-01..2026-06-30
    first: date
    last: date
    timezone: ZoneInfo = LONDON

    @cached_property
    def start(self) -> datetime:
        """The first instant of the period, in UTC (local midnight at the start of `first`)."""
        return _local_midnight(self.first, self.timezone)

    @cached_property
    def end(self) -> datetime:
        """The instant after the period, in UTC (local midnight after `last`); exclusive."""
        return _local_midnight(self.last + timedelta(days=1), self.timezone)

    @property
    def label(self) -> str:
        span = f"{_day(self.first)} to {_day(self.last)}"
        if self.kind == "quarter":
            return f"{self.code}: {span}"
        if self.kind == "month":
            return f"{MONTH_NAMES[self.first.month - 1]} {self.first.year}"
        return f"{self.code}: {span}" if self.kind != "range" else span

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end

    def previous(self, year_start: str) -> Period:
        """The period of the same kind just before this one (a range: the same length)."""
        if self.kind == "range":
            length = self.last - self.first
            last = self.first - timedelta(days=1)
            return date_range(last - length, last, self.timezone)
        return period_containing(
            self.first - timedelta(days=1), self.kind, year_start, self.timezone
        )

    def trend(self, count: int, year_start: str) -> list[Period]:
        """This period and the `count - 1` before it, oldest first."""
        periods = [self]
        while len(periods) < count:
            periods.append(periods[-1].previous(year_start))
        return periods[::-1]


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _day(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _year_start(year: int, year_start: str) -> date:
    month, day = (int(part) for part in year_start.split("-"))
    return date(year, month, day)


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)


def _block(first: date, months: int, kind: str, code: str, zone: ZoneInfo) -> Period:
    return Period(kind, code, first, _add_months(first, months) - timedelta(days=1), zone)


PERIOD_SHAPES = {
    "quarter": re.compile(r"(\d{4})-Q([1-4])"),
    "half_year": re.compile(r"(\d{4})-H([12])"),
    "year": re.compile(r"(\d{4})-Y"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
}
HELP = "write 2026-Q1 (a quarter of the contract year), 2026-04 (a month), 2026-H1 or 2026-Y"


def parse_period(text: str, year_start: str, zone: ZoneInfo = LONDON) -> Period:
    """`YYYY-Qn`, `YYYY-Hn`, `YYYY-Y` (of the contract year starting in YYYY) or `YYYY-MM`."""
    value = text.strip()
    for kind, shape in PERIOD_SHAPES.items():
        match = shape.fullmatch(value)
        if not match:
            continue
        year = int(match.group(1))
        if not 1990 <= year <= 2099:
            raise PeriodError(f"{value!r}: the year must be between 1990 and 2099")
        if kind == "month":
            month = int(match.group(2))
            if not 1 <= month <= 12:
                raise PeriodError(f"{value!r}: the month must be 01 to 12")
            return _block(date(year, month, 1), 1, "month", value, zone)
        start = _year_start(year, year_start)
        if kind == "year":
            return _block(start, 12, "year", value, zone)
        number, size = int(match.group(2)), 3 if kind == "quarter" else 6
        return _block(_add_months(start, (number - 1) * size), size, kind, value, zone)
    raise PeriodError(f"{value!r} is not a period: {HELP}")


def date_range(first: date, last: date, zone: ZoneInfo = LONDON) -> Period:
    if last < first:
        raise PeriodError("the end date is before the start date")
    if (last - first).days > 3660:
        raise PeriodError("a date range can be at most ten years")
    return Period("range", f"{first.isoformat()}..{last.isoformat()}", first, last, zone)


def period_containing(day: date, kind: str, year_start: str, zone: ZoneInfo = LONDON) -> Period:
    """The quarter, month, half-year or contract year that `day` falls in."""
    if kind == "month":
        return parse_period(f"{day.year}-{day.month:02d}", year_start, zone)
    year = day.year if day >= _year_start(day.year, year_start) else day.year - 1
    if kind == "year":
        return parse_period(f"{year}-Y", year_start, zone)
    start = _year_start(year, year_start)
    months = (day.year - start.year) * 12 + day.month - start.month - (day.day < start.day)
    if kind == "quarter":
        return parse_period(f"{year}-Q{months // 3 + 1}", year_start, zone)
    if kind == "half_year":
        return parse_period(f"{year}-H{months // 6 + 1}", year_start, zone)
    raise PeriodError(f"unknown period kind {kind!r}")


def current_period(now: datetime, kind: str, year_start: str, zone: ZoneInfo = LONDON) -> Period:
    return period_containing(now.astimezone(zone).date(), kind, year_start, zone)
