"""Finance (issue 16 item 7), over `FinanceSpendFact`s, `FinanceIncomeFact`s and
`FinanceProfileFact`s (haven/finance, with hardship grants paid and target hardening items
fitted as spend). Money and the profile count as on the finance report (finance/ledger.py):

- Spend: every spend row dated in the window; `window: year_to_date` runs from the contract
  year's start (`year_start`, "MM-DD") to the period's last day (seed 000 s6 "financial
  breakdown - spend to date").
- Income: income received in the window, the same way (seed 004 s10 income and expenditure).
- Projection: the profile of spend of the months wholly inside the period, or (`offset: 1`) the
  next period of the same length (seed 001 s14 "actual spend against projections and
  projections for subsequent quarter").
- Cost per case supported: the period's spend shared equally over the cases open at any moment
  of it (seed 003 s14 cost effectiveness): a mean amount per case, to the penny.
"""

from __future__ import annotations

from datetime import date, timedelta

from haven.finance.ledger import add_months, month_last_day
from haven.reporting.measures.base import Figure, MeasureContext, computation, money_mean, total
from haven.targethardening.budget import year_start as contract_year_start

NEEDS = ("finance",)


def _window(ctx: MeasureContext, window: str, year_start: str) -> tuple[date, date]:
    last = ctx.period.last
    if window == "year_to_date":
        return contract_year_start(last, year_start), last
    return ctx.period.first, last


@computation("finance_spend", params=("window", "year_start"), needs=NEEDS)
def spend(ctx: MeasureContext, window: str = "period", year_start: str = "04-01") -> Figure:
    """Spend dated in the period (or the contract year to the period's end)."""
    first, last = _window(ctx, window, year_start)
    return total(
        "finance_spend",
        {row.id: row.amount for row in ctx.facts.finance_spend if first <= row.spent_on <= last},
    )


@computation("finance_income", params=("window", "year_start"), needs=NEEDS)
def income(ctx: MeasureContext, window: str = "period", year_start: str = "04-01") -> Figure:
    """Income received in the period (or the contract year to the period's end)."""
    first, last = _window(ctx, window, year_start)
    return total(
        "finance_income",
        {
            row.id: row.amount
            for row in ctx.facts.finance_income
            if first <= row.received_on <= last
        },
    )


def _shifted(first: date, last: date, offset: int) -> tuple[date, date]:
    """The period `offset` lengths later: by whole months when it is whole months."""
    after = last + timedelta(days=1)
    if first.day == 1 and after.day == 1:
        months = (after.year - first.year) * 12 + after.month - first.month
        return add_months(first, months * offset), add_months(after, months * offset) - timedelta(
            days=1
        )
    length = (after - first).days
    return first + timedelta(days=length * offset), last + timedelta(days=length * offset)


@computation("finance_projection", params=("offset",), needs=NEEDS)
def projection(ctx: MeasureContext, offset: int = 0) -> Figure:
    """The profile of spend of the months wholly inside the period (offset 1: the next one)."""
    first, last = _shifted(ctx.period.first, ctx.period.last, offset)
    return total(
        "finance_profile",
        {
            row.id: row.amount
            for row in ctx.facts.finance_profile
            if first <= row.month and month_last_day(row.month) <= last
        },
    )


@computation("finance_cost_per_case", needs=NEEDS)
def cost_per_case(ctx: MeasureContext) -> Figure:
    """The period's spend over the cases supported in it (open at any moment of it)."""
    start, end = ctx.period.start, ctx.period.end
    cases = [
        c.id
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    ]
    spent = sum(
        row.amount
        for row in ctx.facts.finance_spend
        if ctx.period.first <= row.spent_on <= ctx.period.last
    )
    share = spent / len(cases) if cases else 0.0
    return money_mean("case", dict.fromkeys(cases, share))
