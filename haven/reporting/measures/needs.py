"""Distance travelled: how victims' levels of need changed between their first needs assessment
and the one repeated before closure (seed 002 s3.9, reported across s7's eight domains)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from haven.reporting.facts import Facts, NeedsAreaFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, percentage

EXIT = "exit"


@computation("distance_travelled", params=("domain",), needs=("needs_areas",))
def distance_travelled(ctx: MeasureContext, domain: str) -> Figure:
    """Cases closed in the period whose `domain` was scored both at a baseline and at the exit
    reassessment: the share whose level of need in it fell.

    Baseline: the earliest initial assessment scoring the domain, else the earliest review one
    (the "first"); exit: the latest exit-stage assessment scoring it. A domain's level is the sum
    of its areas' levels (0 none to 3 high), over the areas scored at both, so an area added or
    left out later neither helps nor hurts (seed 002 s7: personal safety and mental health are
    one domain). Fell = exit sum below baseline sum; same or higher is not improved.
    """
    areas = {area for area, rolled_up in ctx.area_domains.items() if rolled_up == domain}
    closed = [c.id for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]
    scored = _domain_levels(ctx.facts, areas)
    order = _assessment_order(ctx.facts)
    counted: list[Any] = []
    improved: list[Any] = []
    for case_id in closed:
        by_assessment = scored.get(case_id)
        if not by_assessment:
            continue
        baseline, exit_ = _baseline_and_exit(by_assessment, order)
        if baseline is None or exit_ is None:
            continue
        both = set(by_assessment[baseline][1]) & set(by_assessment[exit_][1])
        if not both:
            continue
        counted.append(case_id)
        before = sum(by_assessment[baseline][1][a] for a in both)
        after = sum(by_assessment[exit_][1][a] for a in both)
        if after < before:
            improved.append(case_id)
    return percentage("case", improved, counted)


def _domain_levels(
    facts: Facts, areas: set[str]
) -> dict[Any, dict[Any, tuple[str, dict[str, int]]]]:
    """case id: assessment id: (stage, area: level) over the domain's areas only."""
    scored: dict[Any, dict[Any, tuple[str, dict[str, int]]]] = defaultdict(dict)
    row: NeedsAreaFact
    for row in facts.needs_areas:
        if row.area in areas:
            _stage, levels = scored[row.case_id].setdefault(row.assessment_id, (row.stage, {}))
            levels[row.area] = row.level
    return scored


def _assessment_order(facts: Facts) -> dict[Any, Any]:
    """assessment id: a sort key (when it was assessed, then its id for ties)."""
    return {a.id: (a.assessed_at, str(a.id)) for a in facts.needs_assessments}


def _baseline_and_exit(
    by_assessment: dict[Any, tuple[str, dict[str, int]]], order: dict[Any, Any]
) -> tuple[Any, Any]:
    ids = sorted((i for i in by_assessment if i in order), key=order.__getitem__)
    exits = [i for i in ids if by_assessment[i][0] == EXIT]
    initial = [i for i in ids if by_assessment[i][0] == "initial"]
    others = [i for i in ids if by_assessment[i][0] != EXIT]
    baseline = (initial or others or [None])[0]
    return baseline, (exits[-1] if exits else None)
