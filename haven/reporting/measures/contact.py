"""First-contact outcomes and onward referrals: what became of each case after the referral
(seed 002 Lot 1 s7: initial contact only, further support, not contactable, passed directly to
more appropriate services) and the referrals made to other agencies (seed 002 Lot 1 s7 onward
referrals; seed 000 s6 victims referred to specialist support and to social care).

Counting rules:
- First-contact outcomes: the cases opened in the period (`opened_at`), each read as it stands
  when the return is run (`now`): an outcome recorded after the period still counts for the
  quarter the case opened in, so the partition is of the quarter's referrals that became cases.
- Onward referrals: placed in the period by `made_at`.
- Cases with an onward referral: the cases closed in the period (`closed_at`), each with any
  onward referral made before or at its closure.
"""

from __future__ import annotations

from typing import Any

from haven.reporting.facts import CaseFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

# seed 002 Lot 1 s7: the four first-contact outcomes a referral can have
OUTCOMES = ("initial_contact_only", "further_support", "not_contactable", "passed_on")


def _cases_with(ctx: MeasureContext, rows: list[Any], stamp: str) -> set[Any]:
    """Ids of cases with at least one of `rows` recorded at or before `now`."""
    return {row.case_id for row in rows if getattr(row, stamp) <= ctx.now}


def _final_letter_sent(ctx: MeasureContext) -> set[Any]:
    return {
        a.case_id for a in ctx.facts.attempts if a.is_final_letter and a.attempted_at <= ctx.now
    }


def first_contact_outcome_of(
    case: CaseFact, assessed: set[Any], referred_on: set[Any], final_letter: set[Any]
) -> str | None:
    """Which seed 002 Lot 1 s7 first-contact outcome a case has, or None while it has none yet.

    - further_support: a needs assessment is recorded (s7 "progressing to needs assessment");
    - passed_on: an onward referral is recorded and no needs assessment (passed directly to a
      more appropriate service rather than supported here);
    - not_contactable: no successful first contact, and the case is marked not contactable,
      or closed as not contactable, or the final letter was sent (s3.7: the final letter
      follows failed attempts);
    - initial_contact_only: a successful first contact, then closed with neither of the above.
    An open case with a first contact and no needs assessment yet has no outcome yet.
    """
    if case.id in assessed:
        return "further_support"
    if case.id in referred_on:
        return "passed_on"
    if case.first_contact_at is None:
        # issue 11 exits: or it was closed with the exit reason "not contactable"
        if (
            case.state == "not_contactable"
            or case.id in final_letter
            or case.exit_reason == "not_contactable"
        ):
            return "not_contactable"
        return None
    return "initial_contact_only" if case.closed_at is not None else None


@computation("first_contact_outcome", params=("outcome", "as_count"))
def first_contact_outcome(ctx: MeasureContext, outcome: str, as_count: bool = False) -> Figure:
    """Cases opened in the period with the given first-contact `outcome` (one of OUTCOMES, see
    `first_contact_outcome_of`), as a share of all cases opened in the period (or their number
    when `as_count`). Outcomes are read as recorded when the return is run."""
    if outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}")
    outcomes = _outcomes_of_opened(ctx)
    inside = [case_id for case_id, found in outcomes.items() if found == outcome]
    return count("case", inside) if as_count else percentage("case", inside, outcomes)


def _outcomes_of_opened(ctx: MeasureContext) -> dict[Any, str | None]:
    """The outcome of each case opened in the period, worked out once per return (a profile
    asks for each of the four outcomes, and some twice: as a share and as a count)."""
    key = ("first_contact_outcomes", ctx.period.start, ctx.period.end, ctx.now)
    if key not in ctx.facts.memo:
        opened = [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]
        assessed = _cases_with(ctx, ctx.facts.needs_assessments, "assessed_at")
        referred_on = _cases_with(ctx, ctx.facts.onward_referrals, "made_at")
        final_letter = _final_letter_sent(ctx)
        ctx.facts.memo[key] = {
            c.id: first_contact_outcome_of(c, assessed, referred_on, final_letter) for c in opened
        }
    outcomes: dict[Any, str | None] = ctx.facts.memo[key]
    return outcomes


@computation("onward_referrals_made", params=("agency_types",))
def onward_referrals_made(ctx: MeasureContext, agency_types: list[str] | None = None) -> Figure:
    """Onward referrals made in the period (`made_at`), optionally only to `agency_types`
    (seed 002 Lot 1 s7: number of onward referrals; the agencies: the agency_type breakdown)."""
    return count(
        "onward_referral",
        (
            r.id
            for r in ctx.facts.onward_referrals
            if ctx.period.contains(r.made_at)
            and (agency_types is None or r.agency_type in agency_types)
        ),
    )


@computation("cases_referred_on", params=("agency_types", "as_count"))
def cases_referred_on(
    ctx: MeasureContext, agency_types: list[str] | None = None, as_count: bool = False
) -> Figure:
    """Cases closed in the period (`closed_at`) with an onward referral (to `agency_types`, or
    any) made at or before closure, as a share of all cases closed in the period, or their
    number when `as_count` (seed 000 s6: % of victims referred to specialist support)."""
    closed = [c for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]
    closed_at = {c.id: c.closed_at for c in closed if c.closed_at is not None}
    referred = {
        r.case_id
        for r in ctx.facts.onward_referrals
        if r.case_id in closed_at
        and r.made_at <= closed_at[r.case_id]
        and (agency_types is None or r.agency_type in agency_types)
    }
    inside = [c.id for c in closed if c.id in referred]
    return count("case", inside) if as_count else percentage("case", inside, (c.id for c in closed))
