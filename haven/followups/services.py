"""Writes of follow-ups and surveys (STYLE habit 1): a follow-up's contact through casework's
attempt service, tied to its own task; a survey and its answers; a victim passed to the police
survey team. Each is audited and on the case timeline."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.first_contact import SUCCESS
from haven.casework.models import Case, CaseState, Task, TaskStatus
from haven.casework.rules import open_follow_ups
from haven.casework.services import case_event_record, contact_attempt_record, opened_minute
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.followups.models import (
    Answer,
    FollowUpContact,
    Survey,
    SurveyAnswer,
    SurveyOccasion,
    SurveyTeamHandOff,
)
from haven.followups.questions import catalogue
from haven.validators import format_day, moment_problem, refuse

NOT_OPEN = "This follow-up is no longer open"


def follow_up_refusal(task: Task) -> str | None:
    """Why no contact may be recorded for this follow-up task, or None."""
    if not open_follow_ups(task.case).filter(pk=task.pk).exists():
        return NOT_OPEN
    return None


@transaction.atomic
def follow_up_contact_record(
    *,
    task: Task,
    channel: str,
    outcome: str,
    attempted_at: datetime,
    recorded_by: User,
    direction: str = "outbound",
    notes: str = "",
    override_reason: str = "",
) -> FollowUpContact:
    """The contact attempt made for one follow-up task, through casework's attempt service (the
    safe-contact check, the timeline, the task): it meets or counts towards that task only, never
    another follow-up of the case (issue 11: a 1-month follow-up never meets the 12-month one).
    Raises what contact_attempt_record raises; a task no longer open raises ValidationError."""
    refusal = follow_up_refusal(task)
    if refusal:
        raise ValidationError(refusal)
    attempt = contact_attempt_record(
        case=task.case,
        channel=channel,
        outcome=outcome,
        attempted_at=attempted_at,
        recorded_by=recorded_by,
        direction=direction,
        notes=notes,
        override_reason=override_reason,
        for_task=task,
    )
    contact = FollowUpContact.objects.create(
        case=task.case, task=task, attempt=attempt, reached=outcome in SUCCESS
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=contact,
        changes={"task": [None, task.rule_key], "reached": [None, contact.reached]},
    )
    return contact


def survey_occasions(case: Case) -> list[str]:
    """The occasions other than a follow-up on which the case's contract asks a survey."""
    return catalogue().occasions_for(case.contract.slug)


def survey_refusal(
    case: Case, occasion: str, follow_up: FollowUpContact | None = None
) -> str | None:
    """Why this survey may not be recorded, or None. Surveys are asked after support too, so a
    closed case takes one (a follow-up, the survey team's results); an end-of-visit survey only
    while the case is open."""
    if occasion not in SurveyOccasion.values:
        return "Select which survey this is"
    if not catalogue().questions_for(case.contract.slug, occasion):
        return "This contract does not ask this survey"
    if occasion == SurveyOccasion.FOLLOW_UP:
        if follow_up is None or follow_up.case_id != case.pk:
            return "A follow-up survey is recorded after the follow-up contact"
        if not follow_up.reached:
            return "The person was not reached at this follow-up"
        if Survey.objects.filter(follow_up=follow_up).exists():
            return "This follow-up's survey is already recorded"
    elif follow_up is not None:
        return "Only a follow-up survey belongs to a follow-up contact"
    if occasion == SurveyOccasion.END_OF_VISIT and case.state == CaseState.CLOSED:
        return "The case is closed: an end-of-visit survey is recorded during the visit"
    return None


def _answer_problems(questions: list[str], answers: Mapping[str, str]) -> dict[str, str | None]:
    problems: dict[str, str | None] = {}
    unknown = set(answers) - set(questions)
    if unknown:
        problems["answers"] = f"Unknown questions: {', '.join(sorted(unknown))}"
    for key in questions:
        if answers.get(key) not in Answer.values:
            problems[key] = "Select an answer"
    return problems


@transaction.atomic
def survey_record(
    *,
    case: Case,
    occasion: str,
    asked_at: datetime,
    recorded_by: User,
    answers: Mapping[str, str],
    declined: bool = False,
    follow_up: FollowUpContact | None = None,
) -> Survey:
    """A survey the person answered (every question the contract asks on this occasion, yes / no
    / not sure) or declined (no answers). Refuses (ValidationError per field) an occasion the
    contract does not ask, a future time or one before the case opened, a missing answer."""
    refusal = survey_refusal(case, occasion, follow_up)
    if refusal:
        raise ValidationError(refusal)
    questions = [key for key, _ in catalogue().questions_for(case.contract.slug, occasion)]
    opened = timezone.localtime(case.opened_at)
    refuse(
        {
            "asked_at": moment_problem(
                asked_at,
                subject="Date of the survey",
                now=timezone.now(),
                not_before=opened_minute(case.opened_at),
                not_before_what=f"{format_day(opened.date())}, when the case opened",
            ),
            **({} if declined else _answer_problems(questions, answers)),
        }
    )
    survey = Survey.objects.create(
        case=case,
        occasion=occasion,
        follow_up=follow_up,
        schedule_key=follow_up.task.rule_key if follow_up else "",
        asked_at=asked_at,
        declined=declined,
        recorded_by=recorded_by,
    )
    if not declined:
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(survey=survey, question=key, answer=answers[key]) for key in questions
        )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=survey,
        changes={
            "occasion": [None, occasion],
            "declined": [None, declined],
            **({} if declined else {key: [None, answers[key]] for key in questions}),
        },
    )
    label = SurveyOccasion(occasion).label
    case_event_record(
        case=case,
        kind=CaseEventKind.SURVEY,
        actor=recorded_by,
        target=survey,
        summary=f"Survey ({label[0].lower()}{label[1:]}): "
        + ("declined" if declined else f"{len(questions)} questions answered"),
        data={},  # the answers live on the survey's rows
        occurred_at=asked_at,
    )
    return survey


def survey_team_schedules(case: Case) -> list[str]:
    return catalogue().survey_team_schedules(case.contract.slug)


def hand_off_refusal(task: Task) -> str | None:
    """Why this victim may not be passed to the survey team for this follow-up, or None.

    Eligible (Haven's reading of seed 000 s5-s6): the follow-up is one the contract's survey
    team runs (surveys.yaml survey_team_schedules: DV 360's 1 and 12 months), the case is
    closed, the victim was contacted during the service (a victim never reached had no service
    to be surveyed on), and the follow-up was not cancelled."""
    case = task.case
    if task.rule_key not in survey_team_schedules(case):
        return "This follow-up is not one the survey team runs"
    if case.state != CaseState.CLOSED:
        return "The case is not closed"
    if case.first_contact_at is None:
        return "The victim was never contacted during the service, so is not eligible"
    if task.status == TaskStatus.CANCELLED:
        return "This follow-up was cancelled"
    if SurveyTeamHandOff.objects.filter(task=task).exists():
        return "Already passed to the survey team"
    return None


@transaction.atomic
def survey_team_hand_off_record(
    *, task: Task, passed_by: User, passed_at: datetime | None = None
) -> SurveyTeamHandOff:
    """Record that the victim was passed to the police survey team for this follow-up."""
    refusal = hand_off_refusal(task)
    if refusal:
        raise ValidationError(refusal)
    passed_at = passed_at or timezone.now()
    refuse(
        {
            "passed_at": moment_problem(
                passed_at, subject="Date passed", now=timezone.now(), not_before=task.case.closed_at
            )
        }
    )
    hand_off = SurveyTeamHandOff.objects.create(
        case=task.case, task=task, passed_at=passed_at, passed_by=passed_by
    )
    audit_event(
        actor=passed_by,
        action=AuditAction.CREATE,
        target=hand_off,
        changes={"task": [None, task.rule_key], "passed_at": [None, passed_at]},
    )
    case_event_record(
        case=task.case,
        kind=CaseEventKind.SURVEY_TEAM_HAND_OFF,
        actor=passed_by,
        target=hand_off,
        summary=f"Passed to the police survey team: {task.label}",
        data={},
        occurred_at=passed_at,
    )
    return hand_off
