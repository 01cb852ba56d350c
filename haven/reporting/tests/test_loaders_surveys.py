"""Surveys and follow-ups in a return (issue 11 item 6): surveys asked in the window with their
answers, and the follow-ups due in it with their survey-team hand-off, each one query, whatever
the window of the case (a 12-month follow-up falls long after its case closed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.casework.models import CaseState
from haven.followups.models import Survey, SurveyAnswer, SurveyTeamHandOff
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import MAY, NOW, Q1, cases
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db
LAST_YEAR = datetime(2025, 5, 1, tzinfo=UTC)


def _survey(case, user, at, answers, occasion="follow_up"):
    survey = Survey.objects.create(case=case, occasion=occasion, asked_at=at, recorded_by=user)
    for question, answer in answers.items():
        SurveyAnswer.objects.create(survey=survey, question=question, answer=answer)
    return survey


def test_dv360_survey_answers_and_hand_offs_count_in_the_return(contract_for, personas):
    # seed 000 s6: victims feel safer; 100% of eligible victims passed to the survey team
    contract = contract_for("opcc-dv360")
    # a case closed a year before the quarter: outside the case window, its 12-month follow-up
    # and survey inside it
    (old,) = cases(contract, 1)
    old.opened_at, old.first_contact_at = LAST_YEAR, LAST_YEAR
    old.state, old.closed_at = CaseState.CLOSED, LAST_YEAR + timedelta(days=7)
    old.save()
    twelve = TaskFactory(case=old, rule_key="follow_up_12_months", action="contact_any", due_at=MAY)
    one = TaskFactory(case=old, rule_key="follow_up_1_month", action="contact_any", due_at=MAY)
    SurveyTeamHandOff.objects.create(
        case=old, task=twelve, passed_at=MAY - timedelta(days=3), passed_by=personas.team_leader
    )
    _survey(old, personas.caseworker, MAY, {"feel_safer": "yes", "satisfied": "no"})
    result = contract_return(contract, Q1, now=NOW)
    assert result.measure("feel_safer").value == 1
    assert result.measure("victim_satisfied").value == 0.0
    # both follow-ups due in the quarter, one passed
    passed = result.measure("passed_to_survey_team")
    assert passed.value == 0.5
    facts = load_facts(contract, Q1.start, Q1.end)
    assert {f.id for f in facts.follow_ups_due} == {one.id, twelve.id}
    assert facts.answers_by_survey[facts.surveys[0].id] == {"feel_safer": "yes", "satisfied": "no"}


def test_query_count_does_not_grow_with_the_number_of_surveys(contract_for, personas):
    contract = contract_for("opcc-dv360")
    (case,) = cases(contract, 1)
    _survey(case, personas.caseworker, MAY, {"feel_safer": "yes"})
    with CaptureQueriesContext(connection) as few:
        contract_return(contract, Q1, now=NOW)
    for other in cases(contract, 8):
        _survey(other, personas.caseworker, MAY, {"feel_safer": "no", "satisfied": "yes"})
        TaskFactory(case=other, rule_key="follow_up_1_month", action="contact_any", due_at=MAY)
    with CaptureQueriesContext(connection) as many:
        contract_return(contract, Q1, now=NOW)
    assert len(many) == len(few)
