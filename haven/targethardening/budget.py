"""Target hardening money and time, over plain values (no Django): spend in a period, cost per
property and the time from referral to fitting (seed 002 Lot 2 s4: "time between referral and
fitting", "cost per property", "financial breakdown - spend to date"; s3.1: the £80,000 a
year "resource"). The manager's budget page and the returns' measures count the same way.

- Spend in a period: the cost (quantity × unit price at the time) of items fitted in it.
- A property is "fitted" in the period of its first item's fitting date; its cost is every
  item fitted there up to the period's last day; the time to fitting is the days from the
  referral's received date to that first fitting date.
- Spend to date: the spend from the start of the contract year to the period's last day.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

PENNY = Decimal("0.01")


@dataclass(frozen=True)
class Fitting:
    fitted_on: date
    cost: Decimal


@dataclass(frozen=True)
class JobCosts:
    """One property's job: when the referral came in, its service level and its fittings."""

    id: Any
    received_on: date
    level: int
    fittings: tuple[Fitting, ...]

    @property
    def first_fitted_on(self) -> date | None:
        return min((f.fitted_on for f in self.fittings), default=None)

    def cost_to(self, last: date) -> Decimal:
        return sum((f.cost for f in self.fittings if f.fitted_on <= last), Decimal(0))

    @property
    def days_to_fitting(self) -> int | None:
        first = self.first_fitted_on
        return None if first is None else max((first - self.received_on).days, 0)


def spend(jobs: Iterable[JobCosts], first: date, last: date) -> Decimal:
    """The cost of the items fitted from `first` to `last`, both included."""
    return sum(
        (f.cost for job in jobs for f in job.fittings if first <= f.fitted_on <= last), Decimal(0)
    ).quantize(PENNY)


def fitted_in(jobs: Iterable[JobCosts], first: date, last: date) -> list[JobCosts]:
    """The properties whose first item was fitted in the period."""
    return [
        job
        for job in jobs
        if job.first_fitted_on is not None and first <= job.first_fitted_on <= last
    ]


def year_start(day: date, month_day: str) -> date:
    """The first day of the contract year holding `day` (`month_day` "MM-DD", e.g. "04-01")."""
    month, start_day = (int(part) for part in month_day.split("-"))
    start = date(day.year, month, start_day)
    return start if start <= day else date(day.year - 1, month, start_day)


def quarters(start: date) -> list[tuple[date, date]]:
    """The four quarters of the year starting on `start`: (first day, last day)."""
    bounds = [_add_months(start, 3 * n) for n in range(5)]
    return [(bounds[n], date.fromordinal(bounds[n + 1].toordinal() - 1)) for n in range(4)]


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, day.day)


@dataclass(frozen=True)
class PeriodFigures:
    first: date
    last: date
    spend: Decimal
    properties: int
    mean_cost: Decimal | None
    max_cost: Decimal | None
    median_days: float | None


def figures(jobs: Sequence[JobCosts], first: date, last: date) -> PeriodFigures:
    """Spend, properties fitted, their mean and highest cost and the median days to fitting."""
    fitted = fitted_in(jobs, first, last)
    costs = [job.cost_to(last) for job in fitted]
    days = [d for job in fitted if (d := job.days_to_fitting) is not None]
    return PeriodFigures(
        first=first,
        last=last,
        spend=spend(jobs, first, last),
        properties=len(fitted),
        mean_cost=(sum(costs, Decimal(0)) / len(costs)).quantize(PENNY) if costs else None,
        max_cost=max(costs) if costs else None,
        median_days=float(statistics.median(days)) if days else None,
    )
