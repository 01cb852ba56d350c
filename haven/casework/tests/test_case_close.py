"""Closing: planned or unplanned with a reason; the profile's exit requirements done or overridden."""

import pytest

from haven.casework.models import CaseState, TaskStatus
from haven.casework.services import (
    ClosureRefusedError,
    case_close,
    case_event_record,
    exit_requirements,
)
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return open_case(contract_for("wokingham-da-2017"), route="professional")


def test_wokingham_requires_an_exit_risk_assessment(wokingham_case):
    # seed 003 s13: reduced DASH risk at closure is reported, so an exit assessment is required
    (requirement,) = exit_requirements(wokingham_case)
    assert requirement.key == "exit_risk_assessment"
    assert not requirement.done
    assert requirement.citation == "seed 003 s13"


def test_closing_without_the_requirement_or_an_override_is_refused(wokingham_case, personas):
    with pytest.raises(ClosureRefusedError) as refused:
        case_close(
            case=wokingham_case,
            closed_by=personas.caseworker,
            exit_type="planned",
            exit_reason="support_goals_met",
            reason="Support complete",
        )
    assert "exit_risk_assessment" in refused.value.problems
    wokingham_case.refresh_from_db()
    assert wokingham_case.state != CaseState.CLOSED


def test_an_override_with_a_reason_lets_the_case_close_and_is_kept(wokingham_case, personas):
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="unplanned",
        exit_reason="other_unplanned",
        reason="Moved away",
        overrides={"exit_risk_assessment": "Left the area before we could assess"},
    )
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == CaseState.CLOSED
    assert wokingham_case.closure_overrides == {
        "exit_risk_assessment": "Left the area before we could assess"
    }
    assert (
        "Left the area"
        in AuditEvent.objects.filter(object_id=str(wokingham_case.pk)).latest("id").reason
    )


def test_a_completed_exit_assessment_satisfies_the_requirement(wokingham_case, personas):
    case_event_record(
        case=wokingham_case,
        kind="risk_assessment",
        actor=personas.caseworker,
        summary="Exit risk assessment completed",
        data={"stage": "exit"},
    )
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Support complete",
    )
    assert wokingham_case.state == CaseState.CLOSED


def test_closing_cancels_outstanding_deadlines_and_starts_follow_ups(wokingham_case, personas):
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Done",
        overrides={"exit_risk_assessment": "Declined the assessment"},
    )
    assert wokingham_case.tasks.get(rule_key="enquiry_response").status == TaskStatus.CANCELLED
    # seed 003 s6.9: contact attempts 6 and 12 months after support ends
    assert set(wokingham_case.tasks.filter(status="open").values_list("rule_key", flat=True)) == {
        "follow_up_6_months",
        "follow_up_12_months",
    }


def test_a_reason_and_exit_type_are_required(team_case, personas):
    with pytest.raises(ClosureRefusedError) as refused:
        case_close(
            case=team_case, closed_by=personas.caseworker, exit_type="", exit_reason="", reason=" "
        )
    assert set(refused.value.problems) == {"exit_type", "reason"}


def test_closing_keeps_a_breached_deadline_breached(wokingham_case, personas):
    """A missed deadline is still missed after closure (returns count it); it only leaves the
    worklists."""
    import datetime as dt

    from haven.casework.services import tasks_mark_breached

    task = wokingham_case.tasks.filter(is_outstanding=True).order_by("due_at").first()
    tasks_mark_breached(now=task.due_at + dt.timedelta(minutes=1))
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="unplanned",
        exit_reason="other_unplanned",
        reason="Moved away",
        overrides={"exit_risk_assessment": "Left the area"},
    )
    task.refresh_from_db()
    assert task.status == TaskStatus.BREACHED
    assert task.completed_at is None
    assert not task.is_outstanding
