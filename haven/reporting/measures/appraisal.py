"""The 360-degree appraisal and "you said, we did" (seed 001 s8 "360' appraisal" and "Annual
service user accountability report"; s14: "Questionnaire from contract officer to stakeholders,
including staff and service users").

Counting rules:
- A response is placed in the period by `submitted_at`; each response is one respondent.
- `appraisal_agreement`: of the respondents (of `groups`, all without) answering a statement
  tagged with `question` (a measure id), those agreeing: their answers to those statements
  average 4 or more on the 5-point scale (agree, strongly agree).
- `feedback_acted_on`: of the feedback items received in the period (`received_on`), those acted
  on (an action recorded, by the period's end).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from haven.reporting.measures.base import Figure, MeasureContext, computation, percentage

GROUPS = ("stakeholder", "staff", "service_user")
AGREES = 4


def _checked_groups(groups: list[str] | None) -> tuple[str, ...]:
    chosen = tuple(groups) if groups is not None else GROUPS
    if not chosen or set(chosen) - set(GROUPS):
        raise ValueError(f"groups must be some of {', '.join(GROUPS)}")
    return chosen


@computation(
    "appraisal_agreement", params=("question", "groups", "statement"), needs=("appraisal",)
)
def appraisal_agreement(
    ctx: MeasureContext, question: str, groups: list[str] | None = None, statement: str = ""
) -> Figure:
    """Share of the period's respondents (of `groups`) answering the statements tagged
    `question` who agree; `statement` is the wording a round asks (the label without it)."""
    del statement  # the questionnaire's wording (appraisal.services.catalogue_questions)
    chosen = _checked_groups(groups)
    respondents = {
        r.id
        for r in ctx.facts.appraisal_responses
        if r.group in chosen and ctx.period.contains(r.submitted_at)
    }
    scores: dict[Any, list[int]] = defaultdict(list)
    for answer in ctx.facts.appraisal_answers:
        if answer.measure == question and answer.response_id in respondents:
            scores[answer.response_id].append(answer.score)
    agreeing = (rid for rid, got in scores.items() if sum(got) / len(got) >= AGREES)
    return percentage("appraisal_response", agreeing, sorted(scores, key=str))


@computation("feedback_acted_on", needs=("appraisal",))
def feedback_acted_on(ctx: MeasureContext) -> Figure:
    """Of the feedback received in the period, the share acted on by its end (seed 001 s8:
    "Service is adapted to meet identified service user needs")."""
    first, last = ctx.period.first, ctx.period.last
    received = [f for f in ctx.facts.feedback_items if first <= f.received_on <= last]
    acted = (f.id for f in received if f.acted_on is not None and f.acted_on <= last)
    return percentage("feedback_item", acted, (f.id for f in received))
