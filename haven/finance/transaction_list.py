"""The transactions list of a contract's year over plain values (no Django): every row of spend
the report counts (recorded by hand, imported, hardship grants paid, target hardening items
fitted), filtered by budget line, month or quarter and source, with the totals of the
filtered set (refunds and credit notes net off, as on the report)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from haven.finance.ledger import SpendRow, add_months, month_last_day, year_months


@dataclass(frozen=True)
class Transaction:
    id: Any
    spent_on: date
    category: str
    source: str  # recorded | imported | hardship | target_hardening
    amount_pence: int
    reference: str = ""
    description: str = ""
    supplier: str = ""
    record: tuple[str, Any] | None = None  # the page holding it: (URL name, id)


@dataclass(frozen=True)
class Filters:
    category: str = ""  # a category key; "" for every line
    period: str = ""  # "q1".."q4", a month "2026-05", "" for the whole year
    source: str = ""  # a source key; "" for every source


@dataclass(frozen=True)
class Totals:
    count: int
    spend_pence: int  # the rows above zero
    refunds_pence: int  # the rows below zero (refunds and credit notes), as a negative sum
    net_pence: int


def period_choices(first: date) -> list[tuple[str, str]]:
    """The quarters and months of the year starting on `first`, as (value, label)."""
    quarters = [
        (
            f"q{n + 1}",
            f"Q{n + 1}: {add_months(first, 3 * n):%B %Y} to {add_months(first, 3 * n + 2):%B %Y}",
        )
        for n in range(4)
    ]
    months = [(f"{month:%Y-%m}", f"{month:%B %Y}") for month in year_months(first)]
    return quarters + months


def period_bounds(first: date, period: str) -> tuple[date, date] | None:
    """The first and last day of a period of the year, or None for the whole year (or a
    period that is not one of the year's)."""
    if period in {"q1", "q2", "q3", "q4"}:
        n = int(period[1]) - 1
        return add_months(first, 3 * n), add_months(first, 3 * n + 3) - timedelta(days=1)
    for month in year_months(first):
        if period == f"{month:%Y-%m}":
            return month, month_last_day(month)
    return None


def transactions(
    rows: Iterable[SpendRow],
    details: Mapping[Any, tuple[str, str, str]],
    links: Mapping[Any, tuple[str, Any]],
) -> list[Transaction]:
    """The year's spend rows, oldest first, with each one's reference, description and supplier
    (rows of this app) or the page holding it (hardship grants, fitted items)."""
    return [
        Transaction(
            id=row.id,
            spent_on=row.spent_on,
            category=row.category,
            source=row.source,
            amount_pence=row.amount_pence,
            reference=details.get(row.id, ("", "", ""))[0],
            description=details.get(row.id, ("", "", ""))[1],
            supplier=details.get(row.id, ("", "", ""))[2],
            record=links.get(row.id),
        )
        for row in sorted(rows, key=lambda r: (r.spent_on, r.category, r.source, str(r.id)))
    ]


def filtered(rows: Iterable[Transaction], first: date, filters: Filters) -> list[Transaction]:
    bounds = period_bounds(first, filters.period)
    return [
        row
        for row in rows
        if (not filters.category or row.category == filters.category)
        and (not filters.source or row.source == filters.source)
        and (bounds is None or bounds[0] <= row.spent_on <= bounds[1])
    ]


def totals(rows: Iterable[Transaction]) -> Totals:
    amounts = [row.amount_pence for row in rows]
    return Totals(
        count=len(amounts),
        spend_pence=sum(a for a in amounts if a > 0),
        refunds_pence=sum(a for a in amounts if a < 0),
        net_pence=sum(amounts),
    )
