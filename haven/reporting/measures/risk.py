"""Risk figures from completed risk checklists. An assessment belongs to the period in which it
was completed; "at closure" compares a closed case's first and last assessments."""

from __future__ import annotations

from itertools import pairwise

from haven.reporting.facts import RiskFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage


@computation("risk_assessments_completed", params=("stages", "levels"))
def risk_assessments_completed(
    ctx: MeasureContext, stages: list[str] | None = None, levels: list[str] | None = None
) -> Figure:
    """Risk checklists completed in the period (optionally of given stages or resulting levels;
    seed 001 s8: DASH assessments completed)."""
    return count(
        "risk_assessment",
        (
            r.id
            for r in ctx.facts.risks
            if ctx.period.contains(r.completed_at)
            and (stages is None or r.stage in stages)
            and (levels is None or r.level in levels)
        ),
    )


@computation("marac_threshold_met")
def marac_threshold_met(ctx: MeasureContext) -> Figure:
    """Cases with a checklist completed in the period that met the MARAC referral criteria."""
    return count(
        "case",
        (
            r.case_id
            for r in ctx.facts.risks
            if ctx.period.contains(r.completed_at) and r.marac_referral_required
        ),
    )


@computation("risk_reduced_at_closure")
def risk_reduced_at_closure(ctx: MeasureContext) -> Figure:
    """Cases closed in the period whose last risk checklist scored lower than their first, as a
    share of all cases closed in the period (seed 003 s13: reduced DASH risk at closure as a % of
    closures; a case with fewer than two checklists shows no reduction)."""
    closed = [c.id for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]
    reduced = []
    for case_id in closed:
        risks = ctx.facts.risks_by_case.get(case_id, [])
        if len(risks) >= 2 and risks[-1].score < risks[0].score:
            reduced.append(case_id)
    return percentage("case", reduced, closed)


LEVEL_RANK = {"standard": 0, "medium": 1, "high": 2}


@computation("risk_escalations", needs=("risk_history",))
def risk_escalations(ctx: MeasureContext) -> Figure:
    """Cases whose risk level rose in the period: a checklist completed in it gave a higher final
    level than the case's checklist before it (seed 004 s10 "Risk escalations"; s4.2: risk is
    reassessed after any incident or change of risk, so an escalation shows in a reassessment)."""
    by_case: dict[object, dict[object, RiskFact]] = {}
    for row in [*ctx.facts.risks_before, *ctx.facts.risks]:
        by_case.setdefault(row.case_id, {})[row.id] = row
    escalated = []
    for case_id, rows in by_case.items():
        ordered = sorted(rows.values(), key=lambda r: (r.completed_at, str(r.id)))
        if any(
            ctx.period.contains(later.completed_at)
            and LEVEL_RANK.get(later.level, 0) > LEVEL_RANK.get(earlier.level, 0)
            for earlier, later in pairwise(ordered)
        ):
            escalated.append(case_id)
    return count("case", escalated)
