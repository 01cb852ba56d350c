"""Target hardening (seed 002 Lot 2 s4 quarterly report), over `TargetHardeningJobFact`s and
`TargetHardeningFittingFact`s (targethardening app). Money and time count as in
haven/targethardening/budget.py, the manager's budget page:

- Completed at each service level: jobs whose case closed in the period (the job is done and
  the 12-month follow-up starts), broken down by the level the assessment set (`service_level`).
- Time between referral and fitting: the properties whose first item was fitted in the period,
  the mean days from the referral's received day to that first fitting.
- Cost per property: the same properties, the mean cost of every item fitted there by the
  period's last day (a level 1 job, advice only, has no items and is not a fitted property).
- Spend to date: the cost of the items fitted from the start of the contract year (`year_start`,
  "MM-DD") to the period's last day.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    mean,
    money_mean,
    total,
)
from haven.targethardening.budget import Fitting, JobCosts, fitted_in
from haven.targethardening.budget import year_start as contract_year_start

NEEDS = ("target_hardening",)


def _jobs(ctx: MeasureContext) -> list[JobCosts]:
    fittings: dict[Any, list[Fitting]] = defaultdict(list)
    for row in ctx.facts.target_hardening_fittings:
        fittings[row.job_id].append(Fitting(row.fitted_on, Decimal(str(row.cost))))
    return [
        JobCosts(job.id, job.received_on, job.service_level, tuple(fittings.get(job.id, ())))
        for job in ctx.facts.target_hardening_jobs
    ]


@computation("target_hardening_completed", needs=NEEDS)
def completed(ctx: MeasureContext) -> Figure:
    """Jobs whose case closed in the period (break down by service_level)."""
    cases = ctx.facts.case_by_id
    return count(
        "target_hardening_job",
        (
            job.id
            for job in ctx.facts.target_hardening_jobs
            if (case := cases.get(job.case_id)) is not None
            and case.closed_at is not None
            and ctx.period.contains(case.closed_at)
        ),
    )


@computation("target_hardening_referral_to_fitting", needs=NEEDS)
def referral_to_fitting(ctx: MeasureContext) -> Figure:
    """Mean days from referral to the first item fitted, of properties first fitted in the
    period (seed 002 Lot 2 s4 "time between referral and fitting")."""
    period = ctx.period
    return mean(
        "target_hardening_job",
        {
            job.id: float(days)
            for job in fitted_in(_jobs(ctx), period.first, period.last)
            if (days := job.days_to_fitting) is not None
        },
    )


@computation("target_hardening_cost_per_property", needs=NEEDS)
def cost_per_property(ctx: MeasureContext) -> Figure:
    """Mean cost of the items fitted at each property first fitted in the period (seed 002
    Lot 2 s4 "cost per property")."""
    period = ctx.period
    return money_mean(
        "target_hardening_job",
        {
            job.id: float(job.cost_to(period.last))
            for job in fitted_in(_jobs(ctx), period.first, period.last)
        },
    )


@computation("target_hardening_spend_to_date", params=("year_start",), needs=NEEDS)
def spend_to_date(ctx: MeasureContext, year_start: str = "04-01") -> Figure:
    """The cost of the items fitted from the contract year's start to the period's last day
    (seed 002 Lot 2 s4 "financial breakdown - spend to date"; s3.1 the £80,000 a year)."""
    first = contract_year_start(ctx.period.last, year_start)
    return total(
        "target_hardening_fitting",
        {
            row.id: row.cost
            for row in ctx.facts.target_hardening_fittings
            if first <= row.fitted_on <= ctx.period.last
        },
    )
