"""Case figures: opened, closed, exits, engagement, people supported, length of support.

A case belongs to the period in which it opened (`opened_at`) or closed (`closed_at`) as each
figure says; "supported in the period" means open at any moment of it.
"""

from __future__ import annotations

from haven.reporting.facts import CaseFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    mean,
    percentage,
)
from haven.reporting.measures.referrals import is_child

SECONDS_PER_DAY = 86400


def _closed(ctx: MeasureContext) -> list[CaseFact]:
    return [c for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]


def _open_during(ctx: MeasureContext) -> list[CaseFact]:
    start, end = ctx.period.start, ctx.period.end
    return [
        c
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    ]


@computation("cases_opened", params=("risk_levels",))
def cases_opened(ctx: MeasureContext, risk_levels: list[str] | None = None) -> Figure:
    """Cases opened in the period (optionally only at the given current risk levels)."""
    return count(
        "case",
        (
            c.id
            for c in ctx.facts.cases
            if ctx.period.contains(c.opened_at)
            and (risk_levels is None or c.risk_level in risk_levels)
        ),
    )


@computation("cases_closed", params=("exit_type",))
def cases_closed(ctx: MeasureContext, exit_type: str | None = None) -> Figure:
    """Cases closed in the period (optionally only planned or unplanned exits)."""
    return count(
        "case", (c.id for c in _closed(ctx) if exit_type is None or c.exit_type == exit_type)
    )


@computation("planned_exits")
def planned_exits(ctx: MeasureContext) -> Figure:
    """Planned exits as a share of all cases closed in the period (seed 004 s10 B5; seed 003
    s13 planned departures as a % of all departures)."""
    closed = _closed(ctx)
    return percentage(
        "case", (c.id for c in closed if c.exit_type == "planned"), (c.id for c in closed)
    )


@computation("cases_in_state", params=("states", "opened_in_period"))
def cases_in_state(ctx: MeasureContext, states: list[str], opened_in_period: bool = True) -> Figure:
    """Cases whose state now is one of `states`, among those opened in the period (or among all
    open during it)."""
    pool = (
        [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]
        if opened_in_period
        else _open_during(ctx)
    )
    return count("case", (c.id for c in pool if c.state in states))


@computation("share_of_opened_in_state", params=("states",))
def share_of_opened_in_state(ctx: MeasureContext, states: list[str]) -> Figure:
    """Cases opened in the period that are now in one of `states`, as a share of all opened."""
    opened = [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]
    return percentage("case", (c.id for c in opened if c.state in states), (c.id for c in opened))


@computation("referrals_engaged")
def referrals_engaged(ctx: MeasureContext) -> Figure:
    """Cases opened in the period with a successful first contact recorded (engaged with the
    service), as a share of cases opened in the period (seed 004 s10 B4; seed 001 s8 engage)."""
    opened = [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]
    return percentage(
        "case", (c.id for c in opened if c.first_contact_at is not None), (c.id for c in opened)
    )


@computation("people_supported", params=("children",))
def people_supported(ctx: MeasureContext, children: bool | None = None) -> Figure:
    """Distinct people with a case open at any time in the period (children: under 18 at the
    start of the period, or adults when false)."""
    people = []
    for case in _open_during(ctx):
        person = ctx.facts.persons.get(case.person_id)
        if children is None or (
            person is not None and is_child(person, ctx.period.start) == children
        ):
            people.append(case.person_id)
    return count("person", people)


@computation("cases_open", params=())
def cases_open(ctx: MeasureContext) -> Figure:
    """Cases open at any time in the period (the caseload carried)."""
    return count("case", (c.id for c in _open_during(ctx)))


@computation("average_support_days", params=("risk_levels",))
def average_support_days(ctx: MeasureContext, risk_levels: list[str] | None = None) -> Figure:
    """Mean days from opening to closure of cases closed in the period (seed 003 s13: average
    time supporting high, medium and low risk cases — break it down by risk_level)."""
    amounts = {
        c.id: (c.closed_at - c.opened_at).total_seconds() / SECONDS_PER_DAY
        for c in _closed(ctx)
        if c.closed_at is not None and (risk_levels is None or c.risk_level in risk_levels)
    }
    return mean("case", amounts)
