"""Reads of follow-ups, surveys and survey-team hand-offs: a case's through a case the viewer
was already given; the hand-off list through the cases the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.casework.first_contact import FIRST_CONTACT_ACTIONS
from haven.casework.models import Case, CaseState, Task, TaskStatus
from haven.casework.rules import open_follow_ups
from haven.casework.selectors import cases_visible_to
from haven.followups.models import FollowUpContact, Survey, SurveyAnswer, SurveyTeamHandOff
from haven.followups.questions import catalogue


def open_follow_up_tasks(case: Case) -> list[Task]:
    """The case's open follow-ups a contact is recorded for, first due first."""
    return list(open_follow_ups(case).filter(action__in=FIRST_CONTACT_ACTIONS).order_by("due_at"))


def follow_up_task(case: Case, task_id: Any) -> Task:
    """One of the case's follow-up tasks (open or not), or 404."""
    task = case.tasks.filter(pk=task_id).select_related("case").first()
    if task is None:
        raise Http404("No such follow-up")
    return task


def follow_up_contact(case: Case, contact_id: Any) -> FollowUpContact:
    contact = (
        FollowUpContact.objects.filter(case=case, pk=contact_id)
        .select_related("task", "attempt")
        .first()
    )
    if contact is None:
        raise Http404("No such follow-up contact")
    return contact


def surveys_for(case: Case) -> QuerySet[Survey]:
    """The case's surveys, latest first, with their answers."""
    return (
        Survey.objects.filter(case=case)
        .select_related("follow_up__task")
        .prefetch_related(Prefetch("answers", queryset=SurveyAnswer.objects.order_by("id")))
    )


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str


def answer_rows(survey: Survey) -> list[AnswerRow]:
    """The survey's answers in the catalogue's wording, in the order asked."""
    wording = catalogue().questions
    return [
        AnswerRow(wording.get(a.question, a.question), a.get_answer_display())
        for a in survey.answers.all()
    ]


def _survey_team_q() -> Q:
    """Tasks of the follow-ups a contract's survey team runs (surveys.yaml)."""
    q = Q(pk__in=[])
    for slug, spec in catalogue().contracts.items():
        if spec.survey_team_schedules:
            q |= Q(case__contract__slug=slug, rule_key__in=spec.survey_team_schedules)
    return q


def _hand_off_queryset(user: Viewer) -> QuerySet[Task]:
    visible = cases_visible_to(user).filter(state=CaseState.CLOSED, first_contact_at__isnull=False)
    return (
        Task.objects.filter(_survey_team_q(), case__in=visible.values("id"))
        .exclude(status=TaskStatus.CANCELLED)
        .select_related("case__person", "case__contract", "survey_team_hand_off__passed_by")
        .order_by("due_at", "id")
    )


def hand_off_tasks(user: Viewer, *, include_passed: bool = True) -> list[Task]:
    """The follow-ups of eligible victims (services.hand_off_refusal) on cases the user may see,
    first due first; without `include_passed`, only those not yet passed to the survey team."""
    tasks = _hand_off_queryset(user)
    if not include_passed:
        tasks = tasks.filter(survey_team_hand_off__isnull=True)
    return list(tasks)


def hand_off_task(user: Viewer, task_id: Any) -> Task:
    """One eligible follow-up on a case the user may see, or 404."""
    task = _hand_off_queryset(user).filter(pk=task_id).first()
    if task is None:
        raise Http404("No such follow-up")
    return task


def passed(task: Task) -> SurveyTeamHandOff | None:
    try:
        return task.survey_team_hand_off
    except SurveyTeamHandOff.DoesNotExist:
        return None
