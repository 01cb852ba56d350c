"""Outcomes: what survivors (and perpetrators, and children) said at intake, review and exit on
the outcome instruments their contract asks (haven/outcomes/instruments; seed 001 s8 outcome
tables of each Leicester lot; seed 003 s13; seed 004 s10 B2 and B6; seed 000 s6).

Counting rules:
- Only answered assessments count (a declined one has no scores).
- A case's "before" is its intake assessment scoring the domain (or question), else its earliest
  one; its "after" is its latest exit assessment scoring it, else, for a case closed in the
  period, its latest later review. The case is placed in the period by its exit's `asked_at`, or
  by its closure when the after is a review.
- Improved: over the questions answered at both, the after's total is better than the before's
  (higher, or lower where the scale says lower is better); the same or worse is not improved. A
  domain's questions are added up, so a question skipped at one end neither helps nor hurts.
- Reached: the case's after answer to a question is at least `at_least` (a yes/no question's yes
  is 1), counted (or, with `share`, as a share of the cases whose after answered it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from haven.reporting.facts import OutcomeAnswerFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    percentage,
)

STAGES = ("intake", "review", "exit")
NEEDS = ("outcomes",)


@dataclass
class _Asked:
    """One answered assessment's scores for the questions a figure looks at."""

    stage: str
    asked_at: datetime
    scores: dict[str, int]  # question: score, made "higher is better"
    raw: dict[str, int]  # question: score as answered


def _scored(
    ctx: MeasureContext, *, domain: str | None, question: str | None, instrument: str | None
) -> dict[Any, list[_Asked]]:
    """case id: its answered assessments scoring the domain or question, earliest first."""
    if (domain is None) == (question is None):
        raise ValueError("give exactly one of domain or question")
    by_assessment: dict[Any, _Asked] = {}
    cases: dict[Any, Any] = {}
    row: OutcomeAnswerFact
    for row in ctx.facts.outcome_answers:
        if instrument is not None and row.instrument != instrument:
            continue
        if (domain is not None and row.domain != domain) or (
            question is not None and row.question != question
        ):
            continue
        asked = by_assessment.setdefault(row.assessment_id, _Asked(row.stage, row.asked_at, {}, {}))
        asked.scores[row.question] = row.score if row.higher_is_better else -row.score
        asked.raw[row.question] = row.score
        cases[row.assessment_id] = row.case_id
    grouped: dict[Any, list[_Asked]] = defaultdict(list)
    for assessment_id, asked in by_assessment.items():
        grouped[cases[assessment_id]].append(asked)
    for items in grouped.values():
        items.sort(key=lambda a: a.asked_at)
    return dict(grouped)


def _after(ctx: MeasureContext, case_id: Any, asked: list[_Asked]) -> _Asked | None:
    """The case's after (module docstring) when it falls in the period, else None."""
    exits = [a for a in asked if a.stage == "exit"]
    if exits:
        return exits[-1] if ctx.period.contains(exits[-1].asked_at) else None
    case = ctx.facts.case_by_id.get(case_id)
    if case is None or not ctx.period.contains(case.closed_at):
        return None
    reviews = [a for a in asked if a.stage == "review"]
    return reviews[-1] if reviews else None


def _before_and_after(
    ctx: MeasureContext, case_id: Any, asked: list[_Asked]
) -> tuple[_Asked | None, _Asked | None]:
    """The case's before and after, when the after falls in the period and is later."""
    after = _after(ctx, case_id, asked)
    intakes = [a for a in asked if a.stage == "intake"]
    before = intakes[0] if intakes else asked[0]
    if after is None or after is before or after.asked_at <= before.asked_at:
        return before, None
    return before, after


def _checked_stage(stage: str) -> str:
    if stage not in STAGES:
        raise ValueError(f"stage must be one of {', '.join(STAGES)}")
    return stage


@computation("outcome_improved", params=("domain", "question", "instrument"), needs=NEEDS)
def outcome_improved(
    ctx: MeasureContext,
    domain: str | None = None,
    question: str | None = None,
    instrument: str | None = None,
) -> Figure:
    """Of the cases with a before and an after (module docstring) in the period scoring the
    `domain` (or `question`; of `instrument` when given), the share whose score improved."""
    counted: list[Any] = []
    improved: list[Any] = []
    scored = _scored(ctx, domain=domain, question=question, instrument=instrument)
    for case_id, asked in scored.items():
        before, after = _before_and_after(ctx, case_id, asked)
        if before is None or after is None:
            continue
        both = set(before.scores) & set(after.scores)
        if not both:
            continue
        counted.append(case_id)
        if sum(after.scores[q] for q in both) > sum(before.scores[q] for q in both):
            improved.append(case_id)
    return percentage("case", improved, counted)


@computation("outcome_reached", params=("question", "at_least", "share", "instrument"), needs=NEEDS)
def outcome_reached(
    ctx: MeasureContext,
    question: str,
    at_least: int,
    share: bool = False,
    instrument: str | None = None,
) -> Figure:
    """Cases whose after answer (module docstring) to `question` in the period is at least
    `at_least`: a count, or with `share` a share of the cases whose after answered it."""
    if isinstance(at_least, bool) or not isinstance(at_least, int):
        raise ValueError("at_least must be a whole number")
    answered: list[Any] = []
    reached: list[Any] = []
    for case_id, asked in _scored(
        ctx, domain=None, question=question, instrument=instrument
    ).items():
        after = _after(ctx, case_id, asked)
        if after is None or question not in after.scores:
            continue
        answered.append(case_id)
        if after.raw[question] >= at_least:
            reached.append(case_id)
    return percentage("case", reached, answered) if share else count("case", reached)


@computation(
    "outcome_forms", params=("stage", "stages", "instrument", "exit_form_type"), needs=NEEDS
)
def outcome_forms(
    ctx: MeasureContext,
    stage: str | None = None,
    stages: list[str] | None = None,
    instrument: str | None = None,
    exit_form_type: str | None = None,
) -> Figure:
    """Answered outcome assessments of `stage` (or any of `stages`; and `instrument`,
    `exit_form_type` when given) asked in the period; the exit_form_type breakdown splits exit
    forms by type."""
    if (stage is None) == (stages is None):
        raise ValueError("give exactly one of stage or stages")
    chosen = {_checked_stage(s) for s in ([stage] if stage is not None else stages or [])}
    return count(
        "outcome_assessment",
        (
            a.id
            for a in ctx.facts.outcome_assessments
            if a.stage in chosen
            and not a.declined
            and ctx.period.contains(a.asked_at)
            and (instrument is None or a.instrument == instrument)
            and (exit_form_type is None or a.exit_form_type == exit_form_type)
        ),
    )


@computation("outcome_exit_coverage", params=("instrument",), needs=NEEDS)
def outcome_exit_coverage(ctx: MeasureContext, instrument: str | None = None) -> Figure:
    """Of the cases closed in the period, the share with an answered exit outcome assessment (of
    `instrument` when given) by their closure (seed 004 s10 B2: tools used at episode closure)."""
    closed = {
        c.id: c.closed_at
        for c in ctx.facts.cases
        if c.closed_at is not None and ctx.period.contains(c.closed_at)
    }
    assessed = {
        a.case_id
        for a in ctx.facts.outcome_assessments
        if a.stage == "exit"
        and not a.declined
        and a.case_id in closed
        and a.asked_at <= closed[a.case_id]
        and (instrument is None or a.instrument == instrument)
    }
    return percentage("case", assessed, closed)
