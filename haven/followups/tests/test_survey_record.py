"""The satisfaction and outcome survey: every question the contract asks on the occasion answered
(as rows), or declined; occasions a contract does not ask are refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseEventKind
from haven.followups.models import Survey, SurveyAnswer
from haven.followups.questions import catalogue
from haven.followups.services import follow_up_contact_record, survey_record

pytestmark = pytest.mark.django_db

DV360_FOLLOW_UP = [
    "satisfied",
    "feel_safer",
    "would_recommend",
    "improved_family_life",
    "reduced_stress",
    "aware_of_services",
    "know_how_to_report",
]


def _contact(case, user, rule_key="follow_up_1_month", outcome="reached"):
    return follow_up_contact_record(
        task=case.tasks.get(rule_key=rule_key),
        channel="phone",
        outcome=outcome,
        attempted_at=timezone.now(),
        recorded_by=user,
    )


def test_dv360_asks_the_seed_000_s6_outcomes_at_follow_up():
    # seed 000 s6: feel safer, family life, stress, aware of services, how to report, satisfied
    keys = [key for key, _ in catalogue().questions_for("opcc-dv360", "follow_up")]
    assert keys == DV360_FOLLOW_UP


def test_target_hardening_asks_at_the_end_of_the_visit():
    # seed 002 Lot 2 s3.1: victims surveyed at the end of the visit to gauge satisfaction
    assert catalogue().questions_for("target-hardening-2018", "end_of_visit")
    assert "is_safer" in dict(catalogue().questions_for("target-hardening-2018", "follow_up"))


def test_a_follow_up_survey_stores_one_row_per_answer(dv360_closed, personas):
    contact = _contact(dv360_closed, personas.caseworker)
    answers = dict.fromkeys(DV360_FOLLOW_UP, "yes") | {"reduced_stress": "no"}
    survey = survey_record(
        case=dv360_closed,
        occasion="follow_up",
        asked_at=timezone.now(),
        recorded_by=personas.caseworker,
        answers=answers,
        follow_up=contact,
    )
    assert survey.schedule_key == "follow_up_1_month"
    rows = dict(SurveyAnswer.objects.filter(survey=survey).values_list("question", "answer"))
    assert rows == answers
    assert CaseEvent.objects.filter(
        case=dv360_closed, kind=CaseEventKind.SURVEY, object_id=str(survey.pk)
    ).exists()


def test_a_declined_survey_has_no_answers(dv360_closed, personas):
    contact = _contact(dv360_closed, personas.caseworker)
    survey = survey_record(
        case=dv360_closed,
        occasion="follow_up",
        asked_at=timezone.now(),
        recorded_by=personas.caseworker,
        answers={},
        declined=True,
        follow_up=contact,
    )
    assert survey.declined
    assert not survey.answers.exists()


def test_a_missing_answer_is_refused_on_its_question(dv360_closed, personas):
    contact = _contact(dv360_closed, personas.caseworker)
    with pytest.raises(ValidationError) as refused:
        survey_record(
            case=dv360_closed,
            occasion="follow_up",
            asked_at=timezone.now(),
            recorded_by=personas.caseworker,
            answers={"satisfied": "yes", "feel_safer": "maybe"},
            follow_up=contact,
        )
    assert {"feel_safer", "would_recommend"} <= set(refused.value.message_dict)
    assert not Survey.objects.exists()


def test_no_survey_after_a_follow_up_where_the_person_was_not_reached(dv360_closed, personas):
    contact = _contact(dv360_closed, personas.caseworker, outcome="no_answer")
    with pytest.raises(ValidationError, match="not reached"):
        survey_record(
            case=dv360_closed,
            occasion="follow_up",
            asked_at=timezone.now(),
            recorded_by=personas.caseworker,
            answers={},
            declined=True,
            follow_up=contact,
        )


def test_an_occasion_the_contract_does_not_ask_is_refused(dv360_closed, personas):
    with pytest.raises(ValidationError, match="does not ask"):
        survey_record(
            case=dv360_closed,
            occasion="end_of_visit",
            asked_at=timezone.now(),
            recorded_by=personas.caseworker,
            answers={},
            declined=True,
        )


def test_a_future_time_is_refused(dv360_closed, personas):
    with pytest.raises(ValidationError) as refused:
        survey_record(
            case=dv360_closed,
            occasion="exit",
            asked_at=timezone.now() + dt.timedelta(days=2),
            recorded_by=personas.caseworker,
            answers={},
            declined=True,
        )
    assert "asked_at" in refused.value.message_dict
