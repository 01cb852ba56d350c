"""Exit requirements (closure): each is shown done by its row (ExitInterview, OnwardReferral,
NeedsAssessment at the exit stage; the exit risk assessment by its timeline entry), never by
an event's data; closure then needs no override. A needs-assessment deadline marked done is a
NeedsAssessment row (initial or review) that makes the reassessment apply."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, NeedsAssessment
from haven.casework.services import (
    ClosureRefusedError,
    case_close,
    case_event_record,
    exit_interview_record,
    exit_requirements,
    needs_reassessment_record,
    onward_referral_record,
    task_mark_done,
)
from haven.casework.tests.exit_fixtures import a_moment_ago
from haven.core.models import AuditEvent
from haven.risk.models import RiskStage
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import TaskFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def done(case):
    return {r.key: r.done for r in exit_requirements(case)}


def test_the_refuge_profile_requires_three_steps_none_done(refuge_case):
    assert done(refuge_case) == {
        "exit_risk_assessment": False,
        "exit_interview": False,
        "needs_reassessment": False,
    }


def test_with_every_step_recorded_the_refuge_case_closes_without_an_override(refuge_case, personas):
    at = a_moment_ago()
    risk_assessment_complete(
        case=refuge_case,
        completed_by=personas.caseworker,
        answers=answers(yes=2),
        professional_judgement=False,
        professional_judgement_reason="",
        incidents_last_12_months=None,
        stage=RiskStage.EXIT,
        completed_at=at,
    )
    exit_interview_record(
        case=refuge_case, recorded_by=personas.caseworker, held_at=at, method="declined"
    )
    needs_reassessment_record(
        case=refuge_case, recorded_by=personas.caseworker, assessed_at=at, summary="Synthetic"
    )
    case_close(
        case=refuge_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Moved on",
    )
    refuge_case.refresh_from_db()
    assert refuge_case.state == CaseState.CLOSED
    assert refuge_case.closure_overrides == {}


def test_an_onward_referral_lets_the_case_close_without_an_override(referral_case, personas):
    onward_referral_record(
        case=referral_case,
        recorded_by=personas.caseworker,
        made_at=a_moment_ago(),
        agency="Synthetic Target Hardening",
        agency_type="target_hardening",
        consent=True,
    )
    case_close(
        case=referral_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Done",
    )
    referral_case.refresh_from_db()
    assert (referral_case.state, referral_case.closure_overrides) == (CaseState.CLOSED, {})


def needs_task(case, rule_key):
    return TaskFactory(
        case=case,
        action="needs_assessment",
        rule_key=rule_key,
        label="Needs assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )


def test_marking_the_refuge_needs_assessment_done_records_an_initial_needs_assessment(
    refuge_case, personas
):
    # seed 004 s7.5: the comprehensive assessment within 2 weeks of entering, not the exit one
    task = needs_task(refuge_case, "comprehensive_assessment")
    at = a_moment_ago()
    task_mark_done(task=task, done_by=personas.caseworker, done_at=at)
    assessment = NeedsAssessment.objects.get(case=refuge_case)
    assert (assessment.stage, assessment.rule_key, assessment.task) == (
        "initial",
        "comprehensive_assessment",
        task,
    )
    assert (assessment.assessed_at, assessment.recorded_by) == (at, personas.caseworker)
    event = CaseEvent.objects.get(case=refuge_case, kind="needs_assessment")
    assert (event.object_type, event.object_id) == ("casework.needsassessment", str(assessment.pk))
    assert event.summary == "Needs assessment done"
    assert AuditEvent.objects.filter(object_id=str(assessment.pk), action="create").exists()
    assert done(refuge_case)["needs_reassessment"] is False


def test_marking_the_six_monthly_needs_assessment_done_records_a_review(referral_case, personas):
    # seed 002 s3.9: additional assessments for support over 6 months (a repeating schedule)
    task = needs_task(referral_case, "long_support_reassessment")
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    assert NeedsAssessment.objects.get(case=referral_case).stage == "review"
    event = CaseEvent.objects.get(case=referral_case, kind="needs_assessment")
    assert event.summary == "Needs assessment review done"


def test_marking_a_support_plan_done_records_no_needs_assessment(refuge_case, personas):
    task = TaskFactory(
        case=refuge_case,
        action="support_plan",
        rule_key="support_plan",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    assert not NeedsAssessment.objects.exists()
    assert not CaseEvent.objects.filter(kind="needs_assessment").exists()


def test_victim_first_asks_for_no_reassessment_when_there_was_no_needs_assessment(
    victim_first_case, personas
):
    # seed 002 s3.9: the needs assessment is repeated before closure; a case with initial
    # contact only has no assessment to repeat, so it closes without the step or an override
    assert exit_requirements(victim_first_case) == []
    case_close(
        case=victim_first_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Done",
    )
    victim_first_case.refresh_from_db()
    assert (victim_first_case.state, victim_first_case.closure_overrides) == (CaseState.CLOSED, {})


def test_victim_first_asks_for_the_reassessment_once_a_needs_assessment_was_done(
    victim_first_case, personas
):
    # seed 002 s3.9: after a (review) needs assessment, closure needs the reassessment
    task = needs_task(victim_first_case, "long_support_reassessment")
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    assert done(victim_first_case) == {"needs_reassessment": False}
    with pytest.raises(ClosureRefusedError) as refused:
        case_close(
            case=victim_first_case,
            closed_by=personas.caseworker,
            exit_type="planned",
            exit_reason="support_goals_met",
            reason="Done",
        )
    assert "needs_reassessment" in refused.value.problems
    needs_reassessment_record(
        case=victim_first_case,
        recorded_by=personas.caseworker,
        assessed_at=a_moment_ago(),
        summary="Synthetic distance travelled",
    )
    assert done(victim_first_case) == {"needs_reassessment": True}


def test_the_refuge_asks_for_the_reassessment_even_without_an_earlier_assessment(refuge_case):
    # seed 004 s4.2: the refuge profile does not set reassess_only_if_assessed
    assert "needs_reassessment" in done(refuge_case)


def test_an_interview_shows_done_with_when_by_whom_and_what(refuge_case, personas):
    at = a_moment_ago()
    exit_interview_record(
        case=refuge_case, recorded_by=personas.caseworker, held_at=at, method="declined"
    )
    (interview,) = [r for r in exit_requirements(refuge_case) if r.key == "exit_interview"]
    assert (interview.done, interview.done_at) == (True, at)
    assert interview.done_by == personas.caseworker.get_full_name()
    assert interview.summary == "Exit interview declined by the survivor"


def test_a_timeline_entry_alone_no_longer_counts_as_a_step_done(refuge_case, personas):
    # facts live in rows: an event with the old kind and data shows nothing done
    for kind, data in [
        ("exit_interview", {"method": "phone"}),
        ("needs_assessment", {"stage": "exit"}),
    ]:
        case_event_record(
            case=refuge_case, kind=kind, actor=personas.caseworker, summary="Synthetic", data=data
        )
    assert done(refuge_case)["exit_interview"] is False
    assert done(refuge_case)["needs_reassessment"] is False


def test_an_initial_assessment_entry_alone_does_not_make_the_reassessment_apply(
    victim_first_case, personas
):
    case_event_record(
        case=victim_first_case,
        kind="needs_assessment",
        actor=personas.caseworker,
        summary="Synthetic",
        data={"stage": "initial"},
    )
    assert exit_requirements(victim_first_case) == []


def test_a_closed_case_keeps_its_steps_done(refuge_case, personas):
    at = a_moment_ago()
    needs_reassessment_record(
        case=refuge_case, recorded_by=personas.caseworker, assessed_at=at, summary="Synthetic"
    )
    refuge_case.state = CaseState.CLOSED
    refuge_case.save()
    assert done(refuge_case)["needs_reassessment"] is True
