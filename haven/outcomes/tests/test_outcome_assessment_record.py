"""`outcome_assessment_record`: an assessment and its answer rows (what returns count), audited,
and a timeline entry pointing at it; refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment
from haven.outcomes.services import outcome_assessment_record, outcome_assessment_refusal

pytestmark = pytest.mark.django_db

ADULT = "haven-outcomes-v1"


def _ago(days=0, minutes=30):
    return timezone.now() - dt.timedelta(days=days, minutes=minutes)


def _record(case, personas, **overrides):
    fields = {
        "case": case,
        "recorded_by": personas.caseworker,
        "instrument_key": ADULT,
        "stage": "intake",
        "asked_at": _ago(days=20),
        "scores": {"safe_at_home": 2, "own_choices": 3},
    } | overrides
    return outcome_assessment_record(**fields)


def _problems(refused):
    return refused.value.message_dict if hasattr(refused.value, "error_dict") else refused.value


def test_it_records_the_answers_with_their_domain_and_a_timeline_entry(outcome_case, personas):
    assessment = _record(outcome_case, personas)
    answers = {
        a.question: (a.domain, a.score, a.higher_is_better) for a in assessment.answers.all()
    }
    assert answers == {
        "safe_at_home": ("feeling_safer", 2, True),
        "own_choices": ("empowerment", 3, True),
    }
    event = CaseEvent.objects.get(case=outcome_case, kind="outcome_assessment")
    assert (event.object_type, event.object_id) == (
        "outcomes.outcomeassessment",
        str(assessment.pk),
    )
    assert event.summary == "Outcome assessment: intake, Haven outcomes for adults"
    assert event.data == {}
    audit = AuditEvent.objects.get(action="create", object_id=str(assessment.pk))
    assert audit.changes["scores"] == [None, {"safe_at_home": 2, "own_choices": 3}]


def test_a_declined_assessment_has_no_answers(outcome_case, personas):
    assessment = _record(outcome_case, personas, scores={}, declined=True)
    assert assessment.declined
    assert not assessment.answers.exists()
    assert CaseEvent.objects.get(kind="outcome_assessment").summary.endswith("(declined)")


def test_reviews_repeat_but_intake_and_exit_are_recorded_once(outcome_case, personas):
    _record(outcome_case, personas)
    _record(outcome_case, personas, stage="review", asked_at=_ago(days=10))
    _record(outcome_case, personas, stage="review", asked_at=_ago(days=5))
    _record(outcome_case, personas, stage="exit", asked_at=_ago(days=1))
    for stage in ("intake", "exit"):
        with pytest.raises(ValidationError) as refused:
            _record(outcome_case, personas, stage=stage, asked_at=_ago())
        assert "already has an" in _problems(refused)["stage"][0]
    assert OutcomeAssessment.objects.count() == 4


def test_an_exit_before_the_intake_is_refused(outcome_case, personas):
    _record(outcome_case, personas, asked_at=_ago(days=5))
    with pytest.raises(ValidationError) as refused:
        _record(outcome_case, personas, stage="exit", asked_at=_ago(days=6))
    assert _problems(refused)["stage"] == ["An exit cannot be before the intake assessment"]


@pytest.mark.parametrize(
    ("overrides", "field", "problem"),
    [
        ({"asked_at": timezone.now() + dt.timedelta(hours=2)}, "asked_at", "must be in the past"),
        ({"asked_at": _ago(days=60)}, "asked_at", "when the case opened"),
        ({"scores": {"lucky": 3}}, NON_FIELD_ERRORS, "asks no such question"),
        ({"scores": {"safe_at_home": 9}}, "score_safe_at_home", "Select one of the answers"),
        ({"scores": {}}, "declined", "Record at least one answer"),
        ({"declined": True}, "declined", "record no answers"),
        ({"stage": "later"}, "stage", "Select intake, review or exit"),
        ({"exit_form_type": "standard"}, "exit_form_type", "Only an exit form has a type"),
        # a yes/no "since support began" question is not asked at intake
        ({"scores": {"returned_to_work": 1}}, NON_FIELD_ERRORS, "asks no such question"),
        ({"instrument_key": "leicester-vs-monitoring-v1"}, "instrument", "this contract asks"),
        ({"instrument_key": "outcomes-star"}, "instrument", "this contract asks"),
    ],
)
def test_it_refuses_implausible_assessments(outcome_case, personas, overrides, field, problem):
    with pytest.raises(ValidationError) as refused:
        _record(outcome_case, personas, **overrides)
    assert problem in " ".join(_problems(refused)[field])
    assert not OutcomeAssessment.objects.exists()
    assert not OutcomeAnswer.objects.exists()


def test_a_stage_the_contract_does_not_ask_is_refused(lvs_case, personas):
    # seed 001 Lot 3 s8: Victim and Survivor monitoring forms at intake and exit only
    with pytest.raises(ValidationError) as refused:
        _record(
            lvs_case,
            personas,
            instrument_key="leicester-vs-monitoring-v1",
            stage="review",
            scores={"vs_how_safe_now": 3},
        )
    assert "only at: intake, exit" in _problems(refused)["stage"][0]


def test_a_victim_and_survivor_exit_form_needs_its_type(lvs_case, personas):
    # seed 001 Lot 3 s8: exit forms completed (specify criminal justice and standard)
    fields = {
        "instrument_key": "leicester-vs-monitoring-v1",
        "stage": "exit",
        "scores": {"vs_how_safe_now": 4},
    }
    with pytest.raises(ValidationError) as refused:
        _record(lvs_case, personas, **fields)
    assert _problems(refused)["exit_form_type"] == ["Select the type of exit form"]
    assessment = _record(lvs_case, personas, **fields, exit_form_type="criminal_justice")
    assert assessment.exit_form_type == "criminal_justice"


def test_a_closed_case_takes_no_assessment(outcome_case, personas):
    outcome_case.state = CaseState.CLOSED
    outcome_case.save()
    assert outcome_assessment_refusal(outcome_case)
    with pytest.raises(ValidationError):
        _record(outcome_case, personas)


def test_a_contract_without_outcome_questions_takes_none(team_case, personas):
    assert outcome_assessment_refusal(team_case) == "This contract asks no outcome questions"
    with pytest.raises(ValidationError) as refused:
        _record(team_case, personas)
    assert "instrument" in _problems(refused)
