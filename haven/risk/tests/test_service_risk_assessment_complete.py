"""risk_assessment_complete: stores answers, score, judgement and level apart; updates the case."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from haven.casework.models import CaseAccess, CaseEvent, CaseState, TaskStatus
from haven.casework.services import CaseClosedError, case_break_glass, tasks_mark_breached
from haven.core.models import AuditEvent
from haven.risk.engine import Answer, AssessmentInvalid, RecordedAnswer, RiskLevel
from haven.risk.models import RiskAssessment
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import TaskFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def complete(case, user, **overrides):
    arguments = {
        "case": case,
        "completed_by": user,
        "answers": answers(yes=3),
        "professional_judgement": False,
        "professional_judgement_reason": "",
        "incidents_last_12_months": None,
        "stage": "referral",
        "completed_at": timezone.now() - dt.timedelta(minutes=1),
    }
    return risk_assessment_complete(**(arguments | overrides))


def test_it_stores_raw_answers_score_judgement_and_level_as_separate_fields(personas, case):
    assessment = complete(
        case,
        personas.caseworker,
        answers=answers(yes=4),
        professional_judgement=True,
        professional_judgement_reason="Victim fears being killed",
        incidents_last_12_months=1,
    )
    assessment.refresh_from_db()
    assert assessment.answers["injury"] == {"answer": "yes", "source": "victim", "comment": ""}
    assert len(assessment.answers) == 24
    assert assessment.score == 4
    assert assessment.score_level == "standard"
    assert assessment.professional_judgement is True
    assert assessment.professional_judgement_reason == "Victim fears being killed"
    assert assessment.level == "high"
    assert [r["code"] for r in assessment.reasons] == ["professional_judgement"]
    assert assessment.checklist_key == "dash-ric-24"
    assert assessment.thresholds["high_threshold"] == 14


def test_it_sets_the_case_risk_level_and_audits_the_change(personas, case):
    complete(case, personas.caseworker, answers=answers(yes=14))
    case.refresh_from_db()
    assert case.risk_level == "high"
    change = AuditEvent.objects.get(object_type="casework.case", object_id=str(case.pk))
    assert change.changes == {"risk_level": ["", "high"]}


def test_it_appends_a_risk_assessment_event_the_exit_check_can_find(personas, case):
    assessment = complete(case, personas.caseworker, stage="exit")
    event = CaseEvent.objects.get(case=case, kind="risk_assessment")
    assert event.data == {"stage": "exit", "level": "standard", "score": 3}
    assert event.object_id == str(assessment.pk)
    assert event.summary == "Risk assessment (at exit): standard risk, 3 yes answers"


def test_it_audits_the_assessment_without_the_answers(personas, case):
    assessment = complete(case, personas.caseworker, answers=answers(yes=14))
    audit = AuditEvent.objects.get(object_type="risk.riskassessment")
    assert audit.object_id == str(assessment.pk)
    assert audit.changes["level"] == [None, "high"]
    assert audit.changes["reasons"] == [None, ["visible_high_risk"]]
    assert "answers" not in audit.changes


def test_an_older_assessment_recorded_late_does_not_replace_the_current_level(personas, case):
    complete(case, personas.caseworker, answers=answers(yes=14))
    complete(
        case,
        personas.caseworker,
        answers=answers(yes=1),
        completed_at=timezone.now() - dt.timedelta(days=30),
    )
    case.refresh_from_db()
    assert case.risk_level == "high"
    assert RiskAssessment.objects.filter(case=case).count() == 2


def test_a_missing_answer_saves_nothing(personas, case):
    partial = answers(yes=2)
    del partial["weapons"]
    with pytest.raises(AssessmentInvalid) as error:
        complete(case, personas.caseworker, answers=partial)
    assert error.value.field == "answer_weapons"
    assert not RiskAssessment.objects.exists()
    assert not CaseEvent.objects.filter(case=case).exists()


def test_an_unknown_source_is_refused(personas, case):
    given = answers() | {"injury": RecordedAnswer(Answer.YES, "rumour", "")}
    with pytest.raises(AssessmentInvalid) as error:
        complete(case, personas.caseworker, answers=given)
    assert error.value.field == "source_injury"


def test_a_future_completion_time_is_refused(personas, case):
    with pytest.raises(AssessmentInvalid) as error:
        complete(case, personas.caseworker, completed_at=timezone.now() + dt.timedelta(hours=1))
    assert error.value.field == "completed_at"


def test_a_downgrade_is_kept_with_its_reason_and_audited(personas, case):
    assessment = complete(
        case,
        personas.team_leader,
        answers=answers(yes=14),
        level_override=RiskLevel.MEDIUM,
        level_override_reason="Two answers were about a former partner",
    )
    assert (assessment.computed_level, assessment.level) == ("high", "medium")
    assert assessment.override_reason == "Two answers were about a former partner"
    audit = AuditEvent.objects.get(object_type="risk.riskassessment")
    assert audit.reason.startswith("Level overridden from high to medium")
    case.refresh_from_db()
    assert case.risk_level == "medium"


def test_it_completes_an_outstanding_risk_assessment_deadline(personas, case):
    task = TaskFactory(case=case, action="risk_assessment", rule_key="arrival_risk")
    complete(case, personas.caseworker)
    task.refresh_from_db()
    assert task.status == TaskStatus.MET


def test_a_late_checklist_completes_a_risk_deadline_already_marked_breached(personas, case):
    due = timezone.now() - dt.timedelta(days=2)
    task = TaskFactory(case=case, action="risk_assessment", rule_key="arrival_risk", due_at=due)
    assert tasks_mark_breached() == 1  # the overnight job
    done_at = timezone.now() - dt.timedelta(minutes=1)
    complete(case, personas.caseworker, completed_at=done_at)
    task.refresh_from_db()
    assert (task.status, task.completed_at, task.met_at) == (TaskStatus.BREACHED, done_at, None)
    assert not task.is_outstanding
    event = CaseEvent.objects.get(case=case, kind="task_completed")
    assert "done late" in event.summary
    assert CaseEvent.objects.filter(case=case, kind="task_breached").exists()
    audit = AuditEvent.objects.filter(object_id=str(task.pk)).latest("occurred_at")
    assert audit.changes == {
        "status": ["breached", "breached"],
        "completed_at": [None, done_at.isoformat()],
    }


def test_escalation_uses_the_contract_threshold(personas, case):
    case.contract.profile = case.contract.profile | {
        "risk": {"checklist": "dash-ric-24", "high_threshold": 14, "escalation_incidents_12m": 5}
    }
    case.contract.save()
    assert complete(case, personas.caseworker, incidents_last_12_months=4).level != "high"
    assessment = complete(case, personas.caseworker, incidents_last_12_months=5)
    assert assessment.level == "high"
    assert [r["code"] for r in assessment.reasons] == ["potential_escalation"]


def restrict(case, named):
    case.is_restricted = True
    case.save()
    for user in named:
        CaseAccess.objects.create(case=case, user=user)


def test_unnamed_staff_may_not_change_the_risk_of_a_restricted_case(personas, case):
    # the same rule casework honours: only named staff (or a reason given) on a restricted case
    restrict(case, named=[personas.team_leader])
    with pytest.raises(PermissionDenied):
        complete(case, personas.teammate)
    assert not RiskAssessment.objects.exists()
    assert not personas.teammate.has_perm("risk.complete_assessment", case)


def test_named_staff_of_another_team_may_complete_it_as_casework_lets_them(personas, case):
    restrict(case, named=[personas.outsider])
    assert personas.outsider.has_perm("risk.complete_assessment", case)
    assert complete(case, personas.outsider).completed_by == personas.outsider


def test_staff_who_gave_a_reason_may_complete_it(personas, case):
    restrict(case, named=[personas.team_leader])
    case_break_glass(case=case, user=personas.teammate, reason="Synthetic: on duty tonight")
    assert complete(case, personas.teammate).completed_by == personas.teammate


def test_a_closed_case_takes_no_risk_checklist(personas, case):
    case.state = CaseState.CLOSED
    case.save()
    with pytest.raises(CaseClosedError):
        complete(case, personas.caseworker)


def test_a_checklist_dated_before_1900_is_refused(case, personas):
    # issue 9 s4: implausible dates are refused by field, not stored
    with pytest.raises(AssessmentInvalid, match="Date completed must be the same as or after"):
        complete(case, personas.caseworker, completed_at=dt.datetime(1000, 1, 1, tzinfo=dt.UTC))


def test_a_judgement_reason_with_a_nul_character_is_refused(case, personas):
    with pytest.raises(AssessmentInvalid, match="null characters"):
        complete(
            case,
            personas.caseworker,
            professional_judgement=True,
            professional_judgement_reason="a\x00b",
        )
