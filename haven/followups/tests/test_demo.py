"""`haven demo` records follow-ups and surveys as the services would, for every contract that
asks them (issue 11 item 6): follow-ups reached and not, surveys answered and declined, end-of-
visit surveys for target hardening (seed 002 Lot 2 s3.1), DV 360 hand-offs to the survey team
(seed 000 s5) and the survey team's results."""

import os
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command

from haven.casework.models import CaseEvent, CaseEventKind, TaskStatus
from haven.followups.models import FollowUpContact, Survey, SurveyAnswer, SurveyTeamHandOff
from haven.followups.questions import catalogue

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        with time_machine.travel(NOW, tick=False), open(os.devnull, "w") as out:
            call_command("demo", scale=0.02, seed=20261126, stdout=out)
        yield
        call_command("flush", interactive=False, verbosity=0)


def test_the_demo_records_follow_ups_reached_and_not(demo):
    contacts = FollowUpContact.objects.select_related("task", "attempt")
    assert contacts.filter(reached=True).exists()
    assert contacts.filter(reached=False).exists()
    for contact in contacts:
        assert contact.attempt.case_id == contact.case_id == contact.task.case_id
    # a follow-up met after closure is met by a reached contact made for it, not another's
    met = {c.task for c in contacts if c.task.status == TaskStatus.MET}
    assert met
    for task in met:
        own = {c.attempt.attempted_at for c in contacts if c.task == task and c.reached}
        assert task.met_at in own, task.rule_key


def test_the_demo_records_surveys_answered_and_declined_as_the_contract_asks(demo):
    surveys = Survey.objects.select_related("case__contract")
    assert surveys.filter(declined=True).exists()
    assert surveys.filter(declined=False, occasion="follow_up").exists()
    # seed 002 Lot 2 s3.1: target hardening's end-of-visit survey
    assert surveys.filter(occasion="end_of_visit").exists()
    for survey in surveys.filter(declined=False).prefetch_related("answers")[:200]:
        asked = [
            k for k, _ in catalogue().questions_for(survey.case.contract.slug, survey.occasion)
        ]
        assert sorted(a.question for a in survey.answers.all()) == sorted(asked)
    assert not SurveyAnswer.objects.filter(survey__declined=True).exists()
    pointed = set(
        CaseEvent.objects.filter(kind=CaseEventKind.SURVEY).values_list("object_id", flat=True)
    )
    assert pointed == {str(pk) for pk in surveys.values_list("pk", flat=True)}


def test_the_demo_passes_dv360_victims_to_the_survey_team(demo):
    # seed 000 s5: surveyed at 1 and 12 months by the Leicestershire Police survey team
    hand_offs = SurveyTeamHandOff.objects.select_related("case__contract", "task")
    assert hand_offs.exists()
    assert {h.case.contract.slug for h in hand_offs} == {"opcc-dv360"}
    assert {h.task.rule_key for h in hand_offs} <= {"follow_up_1_month", "follow_up_12_months"}
    for hand_off in hand_offs:
        assert hand_off.case.first_contact_at is not None
        assert hand_off.passed_at >= hand_off.case.closed_at
    assert Survey.objects.filter(occasion="survey_team", case__contract__slug="opcc-dv360").exists()
