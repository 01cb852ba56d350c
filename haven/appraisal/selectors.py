"""Reads of the appraisal: the rounds and feedback of the contracts whose provider the viewer
runs appraisals for; anonymous results by question and respondent group."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.appraisal.models import (
    AGREES,
    AppraisalAnswer,
    AppraisalQuestion,
    AppraisalRound,
    FeedbackItem,
    RespondentGroup,
)
from haven.appraisal.rules import RUNS
from haven.contracts.models import Contract


def _providers(user: Viewer) -> Any:
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return Contract.objects.values("provider_id")
    return user.memberships.filter(role__in=RUNS).values("organisation_id")


def contracts_for(user: Viewer) -> QuerySet[Contract]:
    return Contract.objects.filter(provider_id__in=_providers(user)).order_by("name")


def contract_for(user: Viewer, contract_id: Any) -> Contract:
    try:
        return contracts_for(user).get(pk=contract_id)
    except Contract.DoesNotExist as missing:
        raise Http404 from missing


def rounds_for(user: Viewer) -> QuerySet[AppraisalRound]:
    return AppraisalRound.objects.filter(contract__in=contracts_for(user)).select_related(
        "contract"
    )


def round_for(user: Viewer, round_id: Any) -> AppraisalRound:
    try:
        return rounds_for(user).get(pk=round_id)
    except AppraisalRound.DoesNotExist as missing:
        raise Http404 from missing


def feedback_for(user: Viewer) -> QuerySet[FeedbackItem]:
    return FeedbackItem.objects.filter(contract__in=contracts_for(user)).select_related("contract")


def feedback_item_for(user: Viewer, item_id: Any) -> FeedbackItem:
    try:
        return feedback_for(user).get(pk=item_id)
    except FeedbackItem.DoesNotExist as missing:
        raise Http404 from missing


def questions_of(appraisal: AppraisalRound) -> list[AppraisalQuestion]:
    return list(appraisal.questions.all())


@dataclass(frozen=True)
class ResultRow:
    question: AppraisalQuestion
    by_group: tuple[tuple[str, int, int], ...]  # (group label, agreeing, answering)
    agreeing: int
    answering: int


def results(appraisal: AppraisalRound) -> tuple[dict[str, int], list[ResultRow]]:
    """Respondents by group, and per question how many agreed (4-5) of those answering, by
    group and overall: counts only, never a single response (anonymous)."""
    counts: dict[str, int] = defaultdict(int)
    for group in appraisal.responses.values_list("group", flat=True):
        counts[group] += 1
    tally: dict[tuple[Any, str], list[int]] = defaultdict(lambda: [0, 0])
    for question_id, group, score in AppraisalAnswer.objects.filter(
        response__round=appraisal
    ).values_list("question_id", "response__group", "score"):
        cell = tally[(question_id, group)]
        cell[0] += score >= AGREES
        cell[1] += 1
    rows = []
    for question in questions_of(appraisal):
        by_group: tuple[tuple[str, int, int], ...] = tuple(
            (str(label), tally[(question.pk, value)][0], tally[(question.pk, value)][1])
            for value, label in RespondentGroup.choices
        )
        rows.append(
            ResultRow(
                question,
                by_group,
                sum(g[1] for g in by_group),
                sum(g[2] for g in by_group),
            )
        )
    labels = dict(RespondentGroup.choices)
    return {labels[g]: counts.get(g, 0) for g in RespondentGroup.values}, rows
