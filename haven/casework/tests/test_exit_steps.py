"""Exit interview, onward referral and needs reassessment: each writes the event closure looks
for, audited; refused before anything is saved; closure then needs no override."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.casework.services import (
    ClosureRefusedError,
    ExitStepRefusedError,
    case_close,
    exit_interview_record,
    exit_requirements,
    needs_reassessment_record,
    onward_referral_record,
    task_mark_done,
)
from haven.core.models import AuditEvent
from haven.risk.models import RiskStage
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import TaskFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def opened_days_ago(case, days=10):
    case.opened_at = timezone.now() - dt.timedelta(days=days)
    case.save()
    return case


def a_moment_ago():
    return timezone.now() - dt.timedelta(minutes=5)


@pytest.fixture
def refuge_case(open_case, contract_for):
    # seed 004 s4.2, s1, s10: exit risk assessment, exit interview and needs reassessment
    return opened_days_ago(
        open_case(contract_for("cornwall-mens-refuge-2021"), route="professional")
    )


@pytest.fixture
def referral_case(open_case, contract_for, personas):
    """A case whose profile requires an onward referral (no shipped profile does yet)."""
    contract = contract_for("victim-first-2018")
    contract.profile["exit"]["requires"] = ["onward_referral"]
    contract.profile_sha256 = "onward".ljust(64, "0")
    contract.save()
    return opened_days_ago(open_case(contract, contact_method="mobile_phone"))


def done(case):
    return {r.key: r.done for r in exit_requirements(case)}


def test_the_refuge_profile_requires_three_steps_none_done(refuge_case):
    assert done(refuge_case) == {
        "exit_risk_assessment": False,
        "exit_interview": False,
        "needs_reassessment": False,
    }


def test_an_exit_interview_is_recorded_on_the_timeline_and_audited(refuge_case, personas):
    at = a_moment_ago()
    event = exit_interview_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        held_at=at,
        method="phone",
        summary="Feels settled in the new flat",
    )
    assert (event.kind, event.occurred_at, event.actor) == (
        "exit_interview",
        at,
        personas.caseworker,
    )
    assert event.summary == "Exit interview held (by phone)"
    assert event.data == {
        "method": "phone",
        "outcome": "held",
        "summary": "Feels settled in the new flat",
    }
    audit = AuditEvent.objects.get(object_id=str(event.pk))
    assert audit.changes["method"] == [None, "phone"]
    assert "summary" not in audit.changes  # the free text stays on the case
    (interview,) = [r for r in exit_requirements(refuge_case) if r.key == "exit_interview"]
    assert (interview.done, interview.done_at) == (True, at)
    assert interview.done_by == personas.caseworker.get_full_name()


def test_a_declined_exit_interview_counts_as_done_with_that_outcome(refuge_case, personas):
    event = exit_interview_record(
        case=refuge_case, recorded_by=personas.caseworker, held_at=a_moment_ago(), method="declined"
    )
    assert event.data["outcome"] == "declined"
    assert event.summary == "Exit interview declined by the survivor"
    assert done(refuge_case)["exit_interview"] is True


def test_a_needs_reassessment_is_the_exit_stage_needs_assessment(refuge_case, personas):
    event = needs_reassessment_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        assessed_at=a_moment_ago(),
        summary="Housing settled; still wants counselling",
    )
    assert (event.kind, event.data["stage"]) == ("needs_assessment", "exit")
    assert done(refuge_case)["needs_reassessment"] is True
    assert AuditEvent.objects.filter(object_id=str(event.pk), action="create").exists()


def test_an_onward_referral_with_consent_meets_the_requirement(referral_case, personas):
    event = onward_referral_record(
        case=referral_case,
        recorded_by=personas.caseworker,
        made_at=a_moment_ago(),
        agency="Synthetic Mental Health Triage",
        need="mental health",
        consent=True,
        note="Referred by secure email",
    )
    assert event.kind == "onward_referral"
    assert event.summary == "Onward referral made to Synthetic Mental Health Triage (mental health)"
    assert event.data["consent"] is True
    assert done(referral_case) == {"onward_referral": True}


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(referral_case, personas):
    before = (CaseEvent.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ExitStepRefusedError) as refused:
        onward_referral_record(
            case=referral_case,
            recorded_by=personas.caseworker,
            made_at=a_moment_ago(),
            agency="Synthetic Housing",
            consent=False,
        )
    assert refused.value.field == "consent"
    assert "did not consent" in str(refused.value)
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (dt.timedelta(hours=1), "It cannot be in the future"),
        (-dt.timedelta(days=400), "It cannot be before the case opened"),
    ],
)
def test_a_time_in_the_future_or_before_the_case_opened_is_refused(
    refuge_case, personas, when, message
):
    with pytest.raises(ExitStepRefusedError, match=message) as refused:
        exit_interview_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            held_at=timezone.now() + when,
            method="in_person",
        )
    assert refused.value.field == "held_at"
    assert not CaseEvent.objects.filter(kind="exit_interview").exists()


def test_a_closed_case_takes_no_exit_step(refuge_case, personas):
    refuge_case.state = CaseState.CLOSED
    refuge_case.save()
    with pytest.raises(ExitStepRefusedError, match="The case is closed"):
        needs_reassessment_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            assessed_at=a_moment_ago(),
            summary="Synthetic",
        )
    assert not CaseEvent.objects.filter(kind="needs_assessment").exists()


def test_an_empty_reassessment_summary_or_agency_is_refused(refuge_case, referral_case, personas):
    with pytest.raises(ExitStepRefusedError) as refused:
        needs_reassessment_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            assessed_at=a_moment_ago(),
            summary=" ",
        )
    assert refused.value.field == "summary"
    with pytest.raises(ExitStepRefusedError) as refused:
        onward_referral_record(
            case=referral_case,
            recorded_by=personas.caseworker,
            made_at=a_moment_ago(),
            agency="  ",
            consent=True,
        )
    assert refused.value.field == "agency"


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
        case=refuge_case, closed_by=personas.caseworker, exit_type="planned", reason="Moved on"
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
        consent=True,
    )
    case_close(
        case=referral_case, closed_by=personas.caseworker, exit_type="planned", reason="Done"
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
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    event = CaseEvent.objects.get(case=refuge_case, kind="needs_assessment")
    assert event.data == {"stage": "initial", "rule_key": "comprehensive_assessment"}
    assert done(refuge_case)["needs_reassessment"] is False


def test_marking_the_six_monthly_needs_assessment_done_records_a_review(referral_case, personas):
    # seed 002 s3.9: additional assessments for support over 6 months (a repeating schedule)
    task = needs_task(referral_case, "long_support_reassessment")
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    event = CaseEvent.objects.get(case=referral_case, kind="needs_assessment")
    assert event.data["stage"] == "review"


def test_marking_a_support_plan_done_records_no_needs_assessment(refuge_case, personas):
    task = TaskFactory(
        case=refuge_case,
        action="support_plan",
        rule_key="support_plan",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    task_mark_done(task=task, done_by=personas.caseworker, done_at=a_moment_ago())
    assert not CaseEvent.objects.filter(kind="needs_assessment").exists()


@pytest.fixture
def victim_first_case(open_case, contract_for):
    return opened_days_ago(
        open_case(contract_for("victim-first-2018"), contact_method="mobile_phone")
    )


def test_victim_first_asks_for_no_reassessment_when_there_was_no_needs_assessment(
    victim_first_case, personas
):
    # seed 002 s3.9: the needs assessment is repeated before closure; a case with initial
    # contact only has no assessment to repeat, so it closes without the step or an override
    assert exit_requirements(victim_first_case) == []
    case_close(
        case=victim_first_case, closed_by=personas.caseworker, exit_type="planned", reason="Done"
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
