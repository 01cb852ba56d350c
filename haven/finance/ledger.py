"""The finance report's arithmetic over plain values (no Django), in integer pence.

- Spend may be negative (a refund or credit note): every figure is a plain sum, so refunds net
  off their line, quarter and source, and a line refunded beyond its spend shows a negative
  actual.
- Profile of spend: each budget line's planned spend per month of the contract year; by default
  the budget spread evenly (the odd pence go to the first months) (seed 004 s10 "spend to date
  against the profile of spend").
- To date (as at a day): the months that have ended by that day; actual = every spend row dated
  from the year's first day to that day.
- Variance = actual to date - profile to date (over the profile is positive).
- Forecast outturn = actual to date + the profile of the months still to come (seed 001 s14
  "actual spend against projections and projections for subsequent quarter").
- Income and expenditure: income received and spend from the year's first day to the day
  (seed 004 s10).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

CATEGORY_ORDER = (
    "staff",
    "premises",
    "running_costs",
    "management",
    "hardship_fund",
    "target_hardening",
    "other",
)
AUTOMATIC_SOURCES = {"hardship": "hardship_fund", "target_hardening": "target_hardening"}


@dataclass(frozen=True)
class SpendRow:
    """Money spent: `source` is recorded, imported, hardship (a grant paid) or
    target_hardening (items fitted)."""

    id: Any
    category: str
    spent_on: date
    amount_pence: int
    source: str = "recorded"


@dataclass(frozen=True)
class IncomeRow:
    id: Any
    kind: str  # contract_payment | other
    received_on: date
    amount_pence: int


@dataclass(frozen=True)
class LinePlan:
    category: str
    budget_pence: int
    months: Mapping[date, int]  # month's first day: planned pence


@dataclass(frozen=True)
class LineFigures:
    category: str
    budget_pence: int
    profile_to_date_pence: int
    actual_to_date_pence: int
    remaining_profile_pence: int

    @property
    def variance_pence(self) -> int:
        return self.actual_to_date_pence - self.profile_to_date_pence

    @property
    def forecast_outturn_pence(self) -> int:
        return self.actual_to_date_pence + self.remaining_profile_pence

    @property
    def outturn_variance_pence(self) -> int:
        return self.forecast_outturn_pence - self.budget_pence


@dataclass(frozen=True)
class QuarterFigures:
    number: int
    first: date
    last: date
    profile_pence: int
    actual_pence: int

    @property
    def variance_pence(self) -> int:
        return self.actual_pence - self.profile_pence


@dataclass(frozen=True)
class FinanceReport:
    first: date
    last: date
    as_at: date
    lines: tuple[LineFigures, ...]
    total: LineFigures
    quarters: tuple[QuarterFigures, ...]
    income_by_kind: Mapping[str, int]
    expenditure_pence: int

    @property
    def income_pence(self) -> int:
        return sum(self.income_by_kind.values())

    @property
    def surplus_pence(self) -> int:
        """Income less expenditure to date (negative: a deficit)."""
        return self.income_pence - self.expenditure_pence


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, day.day)


def year_months(first: date) -> list[date]:
    """The first day of each of the twelve months of the year starting on `first`."""
    return [add_months(first, n) for n in range(12)]


def year_last_day(first: date) -> date:
    return add_months(first, 12) - timedelta(days=1)


def month_last_day(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def even_profile(amount_pence: int, months: Sequence[date]) -> dict[date, int]:
    """The amount spread evenly over the months, the odd pence one each to the first months."""
    base, odd = divmod(amount_pence, len(months))
    return {month: base + (1 if n < odd else 0) for n, month in enumerate(months)}


def profile_between(months: Mapping[date, int], first: date, last: date) -> int:
    """The planned spend of the months wholly inside [first, last]."""
    return sum(
        pence for month, pence in months.items() if first <= month and month_last_day(month) <= last
    )


def spend_between(rows: Iterable[SpendRow], first: date, last: date) -> int:
    return sum(row.amount_pence for row in rows if first <= row.spent_on <= last)


def finance_report(
    *,
    first: date,
    as_at: date,
    lines: Iterable[LinePlan],
    spend: Iterable[SpendRow],
    income: Iterable[IncomeRow],
) -> FinanceReport:
    """The year starting on `first`, to date as at `as_at` (clamped to the year)."""
    last = year_last_day(first)
    as_at = min(max(as_at, first - timedelta(days=1)), last)
    plans = {line.category: line for line in lines}
    rows = [row for row in spend if first <= row.spent_on <= last]
    categories = [c for c in CATEGORY_ORDER if c in plans or any(r.category == c for r in rows)]
    figures = []
    for category in categories:
        plan = plans.get(category)
        months = plan.months if plan else {}
        mine = [r for r in rows if r.category == category]
        to_date = profile_between(months, first, as_at)
        figures.append(
            LineFigures(
                category=category,
                budget_pence=plan.budget_pence if plan else 0,
                profile_to_date_pence=to_date,
                actual_to_date_pence=spend_between(mine, first, as_at),
                remaining_profile_pence=sum(months.values()) - to_date,
            )
        )
    total = LineFigures(
        category="total",
        budget_pence=sum(f.budget_pence for f in figures),
        profile_to_date_pence=sum(f.profile_to_date_pence for f in figures),
        actual_to_date_pence=sum(f.actual_to_date_pence for f in figures),
        remaining_profile_pence=sum(f.remaining_profile_pence for f in figures),
    )
    all_months: dict[date, int] = {}
    for plan in plans.values():
        for month, pence in plan.months.items():
            all_months[month] = all_months.get(month, 0) + pence
    quarters = []
    for number in range(4):
        q_first = add_months(first, 3 * number)
        q_last = add_months(first, 3 * number + 3) - timedelta(days=1)
        quarters.append(
            QuarterFigures(
                number=number + 1,
                first=q_first,
                last=q_last,
                profile_pence=profile_between(all_months, q_first, q_last),
                actual_pence=spend_between(rows, q_first, min(q_last, as_at))
                if q_first <= as_at
                else 0,
            )
        )
    income_by_kind: dict[str, int] = {}
    for row in income:
        if first <= row.received_on <= as_at:
            income_by_kind[row.kind] = income_by_kind.get(row.kind, 0) + row.amount_pence
    return FinanceReport(
        first=first,
        last=last,
        as_at=as_at,
        lines=tuple(figures),
        total=total,
        quarters=tuple(quarters),
        income_by_kind=income_by_kind,
        expenditure_pence=total.actual_to_date_pence,
    )


def per_unit(total_pence: int, units: int) -> int | None:
    """Pence per case or property, rounded half away from zero to the penny (refunds above the
    spend give a negative cost, rounded as its positive would be); None without any."""
    if units <= 0:
        return None
    sign = -1 if total_pence < 0 else 1
    return sign * ((2 * abs(total_pence) + units) // (2 * units))
