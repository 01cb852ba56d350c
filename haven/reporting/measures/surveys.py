"""Satisfaction and outcome surveys, and the hand-off to a police survey team (seed 000 s5-s6;
seed 002 Lot 1 s7 and Lot 2 s3.1, s4, s7; seed 001 Lot 2 s8; seed 003 s14; seed 004 s10 B9).

Counting rules:
- A survey is placed in the period by `asked_at`. `occasions` (follow_up, end_of_visit, exit,
  survey_team) and `schedules` (the follow-up rules: follow_up_1_month ...) narrow the surveys
  counted; without them every survey counts.
- A victim is counted once: of a case's surveys in the period that answered the question, the
  latest. The records behind a figure are those surveys.
- "Yes" is the only answer that counts as saying so; "no" and "not sure" are in a share's
  denominator (they answered), a declined survey is in neither.
- Survey team contacts: cases with a survey of occasion `survey_team` in the period (declined
  ones too: the team reached the victim).
- Passed to the survey team (seed 000 s6, target 100% of eligible victims): the follow-ups of
  `schedules` due in the period whose victim is eligible — the case closed, the victim was
  contacted during the service, the follow-up not cancelled (followups.services.
  hand_off_refusal) — and of those, the ones passed (at any time up to now).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from haven.reporting.facts import SurveyFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage

OCCASIONS = ("follow_up", "end_of_visit", "exit", "survey_team")
NEEDS = ("surveys",)


def _checked(occasions: Iterable[str] | None) -> tuple[str, ...]:
    chosen = tuple(occasions) if occasions is not None else OCCASIONS
    if not chosen or set(chosen) - set(OCCASIONS):
        raise ValueError(f"occasions must be some of {', '.join(OCCASIONS)}")
    return chosen


def _surveys(
    ctx: MeasureContext, occasions: Iterable[str] | None, schedules: Iterable[str] | None
) -> list[SurveyFact]:
    chosen = _checked(occasions)
    keys = set(schedules) if schedules is not None else None
    return [
        s
        for s in ctx.facts.surveys
        if ctx.period.contains(s.asked_at)
        and s.occasion in chosen
        and (keys is None or s.schedule_key in keys)
    ]


def latest_answers(
    ctx: MeasureContext,
    question: str,
    occasions: Iterable[str] | None = None,
    schedules: Iterable[str] | None = None,
) -> dict[Any, str]:
    """Per case, the latest survey in the period answering `question`: survey id -> answer."""
    answers = ctx.facts.answers_by_survey
    latest: dict[Any, SurveyFact] = {}
    for survey in _surveys(ctx, occasions, schedules):
        if survey.declined or question not in answers.get(survey.id, {}):
            continue
        seen = latest.get(survey.case_id)
        if seen is None or survey.asked_at > seen.asked_at:
            latest[survey.case_id] = survey
    return {s.id: answers[s.id][question] for s in latest.values()}


@computation("survey_said_yes", params=("question", "occasions", "schedules"), needs=NEEDS)
def survey_said_yes(
    ctx: MeasureContext,
    question: str,
    occasions: list[str] | None = None,
    schedules: list[str] | None = None,
) -> Figure:
    """Victims whose latest survey in the period answered `question` yes."""
    given = latest_answers(ctx, question, occasions, schedules)
    return count("survey", (sid for sid, answer in given.items() if answer == "yes"))


@computation("survey_said_yes_share", params=("question", "occasions", "schedules"), needs=NEEDS)
def survey_said_yes_share(
    ctx: MeasureContext,
    question: str,
    occasions: list[str] | None = None,
    schedules: list[str] | None = None,
) -> Figure:
    """Of the victims answering `question` in the period (latest survey each), those saying yes."""
    given = latest_answers(ctx, question, occasions, schedules)
    return percentage("survey", (sid for sid, answer in given.items() if answer == "yes"), given)


@computation("surveys_by_survey_team", needs=NEEDS)
def surveys_by_survey_team(ctx: MeasureContext) -> Figure:
    """Victims the police survey team reached in the period (a survey_team survey, answered or
    declined; the latest per case)."""
    latest: dict[Any, SurveyFact] = {}
    for survey in _surveys(ctx, ["survey_team"], None):
        seen = latest.get(survey.case_id)
        if seen is None or survey.asked_at > seen.asked_at:
            latest[survey.case_id] = survey
    return count("survey", (s.id for s in latest.values()))


@computation("passed_to_survey_team", params=("schedules",), needs=NEEDS)
def passed_to_survey_team(ctx: MeasureContext, schedules: list[str]) -> Figure:
    """Of the eligible victims' follow-ups of `schedules` due in the period, those passed to the
    survey team by now."""
    keys = set(schedules)
    if not keys:
        raise ValueError("schedules must name the follow-ups the survey team runs")
    eligible = [
        f
        for f in ctx.facts.follow_ups_due
        if f.rule_key in keys
        and ctx.period.contains(f.due_at)
        and f.case_closed_at is not None
        and f.case_first_contact_at is not None
        and f.status != "cancelled"
    ]
    passed = (f.id for f in eligible if f.passed_at is not None and f.passed_at <= ctx.now)
    return percentage("follow_up_due", passed, (f.id for f in eligible))
