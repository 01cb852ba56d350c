"""Risk reassessment schedules from the profile (issue 12 item 1).

seed 004 s4.2: "Risk assessment, to be completed on arrival, at 10-12 week midpoint, on exit and
after any incident/change of risk"; s7.5: "at the point of referral". seed 002 s3.9: assessment
repeated before closure and for victims supported over 6 months.
"""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, TaskStatus
from haven.casework.services.closure import applicable_requirements
from haven.contracts.profiles.validate import PROFILES_DIR, load_profile
from haven.risk.models import RiskChange
from haven.risk.reassessments import (
    CHANGE_RULE_KEY,
    reassessment_task_create,
    risk_change_record,
    window_opens_at,
)
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import TaskFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def complete(case, user, at, stage="review", yes=3):
    return risk_assessment_complete(
        case=case,
        completed_by=user,
        answers=answers(yes=yes),
        professional_judgement=False,
        professional_judgement_reason="",
        incidents_last_12_months=None,
        stage=stage,
        completed_at=at,
    )


@pytest.fixture
def midpoint_case(cornwall_case, monkeypatch):
    """A Cornwall case accepted 11 weeks ago, moved into the refuge then (the midpoint counts
    from moving in: the refuge app records it, here a stand-in), with its midpoint task (due at
    week 12)."""
    from haven.casework import start_events
    from haven.deadlines import StartEvent

    monkeypatch.setitem(
        start_events._SOURCES, "refuge", lambda case: {StartEvent.ENTERED: case.opened_at}
    )
    cornwall_case.opened_at = timezone.now() - dt.timedelta(weeks=11)
    cornwall_case.risk_level = "standard"  # no re-sync of the profile's tasks on this checklist
    cornwall_case.save(update_fields=["opened_at", "risk_level"])
    TaskFactory(
        case=cornwall_case,
        rule_key="risk_assessment_midpoint",
        action="risk_assessment",
        due_at=cornwall_case.opened_at + dt.timedelta(weeks=12),
    )
    return cornwall_case


@pytest.fixture
def refuge_case(cornwall_case):
    cornwall_case.opened_at = timezone.now() - dt.timedelta(days=2)
    cornwall_case.save(update_fields=["opened_at"])
    return cornwall_case


def test_seed_004_s4_2_the_midpoint_window_opens_at_week_10(midpoint_case):
    task = midpoint_case.tasks.get(rule_key="risk_assessment_midpoint")
    opens = window_opens_at(midpoint_case, task)
    opened_day = timezone.localdate(midpoint_case.opened_at)
    assert timezone.localtime(opens).date() == opened_day + dt.timedelta(weeks=10)


def test_seed_004_s4_2_a_checklist_before_week_10_is_not_the_midpoint_reassessment(
    personas, midpoint_case
):
    complete(midpoint_case, personas.caseworker, midpoint_case.opened_at + dt.timedelta(weeks=5))
    task = midpoint_case.tasks.get(rule_key="risk_assessment_midpoint")
    assert task.completed_at is None
    assert task.status == TaskStatus.OPEN


def test_seed_004_s4_2_a_checklist_in_weeks_10_to_12_meets_the_midpoint(personas, midpoint_case):
    at = midpoint_case.opened_at + dt.timedelta(weeks=10, days=3)
    complete(midpoint_case, personas.caseworker, at)
    task = midpoint_case.tasks.get(rule_key="risk_assessment_midpoint")
    assert task.status == TaskStatus.MET
    assert task.completed_at == at


def test_seed_004_s4_2_the_cornwall_midpoint_is_a_window_in_the_profile():
    profile = load_profile(PROFILES_DIR / "cornwall-mens-refuge-2021.yaml")
    window = profile.risk.reassessments.windows[0]
    assert window.rule == "risk_assessment_midpoint"
    assert window.opens.weeks == 10
    rule = next(r for r in profile.schedules if r.key == window.rule)
    assert rule.duration.weeks == 12  # overdue after week 12
    assert profile.exit.requires[0] == "exit_risk_assessment"  # on exit
    keys = {r.key for r in profile.deadlines}
    assert {"risk_assessment_referral", "risk_assessment_arrival"} <= keys  # s7.5, s4.2


def test_a_window_naming_no_risk_rule_is_a_profile_error():
    from pydantic import ValidationError as PydanticError

    profile = load_profile(PROFILES_DIR / "cornwall-mens-refuge-2021.yaml")
    data = profile.model_dump(mode="json")
    data["risk"]["reassessments"]["windows"][0]["rule"] = "support_plan"
    with pytest.raises(PydanticError, match="names no risk_assessment rule"):
        type(profile).model_validate(data)


def test_seed_004_s4_2_a_change_of_risk_creates_a_reassessment_task(personas, refuge_case):
    at = timezone.now() - dt.timedelta(hours=1)
    change = risk_change_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        occurred_at=at,
        reason="Ex-partner released from prison",
    )
    task = change.task
    assert task.rule_key == CHANGE_RULE_KEY
    assert task.action == "risk_assessment"
    assert task.citation == "seed 004 s4.2"
    assert task.due_at > at
    event = CaseEvent.objects.get(case=refuge_case, kind="change_of_risk")
    assert "Ex-partner released" in event.summary
    second = risk_change_record(
        case=refuge_case, recorded_by=personas.caseworker, occurred_at=at, reason="Again"
    )
    assert second.task.rule_key == f"{CHANGE_RULE_KEY}#2"


def test_seed_004_s4_2_completing_a_checklist_completes_the_reassessment_task(
    personas, refuge_case
):
    at = timezone.now() - dt.timedelta(hours=2)
    change = risk_change_record(
        case=refuge_case, recorded_by=personas.caseworker, occurred_at=at, reason="Threats"
    )
    complete(refuge_case, personas.caseworker, at + dt.timedelta(hours=1), stage="incident")
    change.task.refresh_from_db()
    assert change.task.status == TaskStatus.MET


def test_a_change_of_risk_needs_a_reason_and_a_plausible_date(personas, refuge_case):
    with pytest.raises(ValidationError) as refused:
        risk_change_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            occurred_at=timezone.now() + dt.timedelta(days=1),
            reason="  ",
        )
    assert set(refused.value.message_dict) == {"reason", "occurred_at"}
    assert not RiskChange.objects.exists()


def test_an_outsider_may_not_record_a_change_of_risk(personas, refuge_case):
    with pytest.raises(PermissionDenied):
        risk_change_record(
            case=refuge_case,
            recorded_by=personas.outsider,
            occurred_at=timezone.now(),
            reason="Threats",
        )


def test_a_contract_without_the_setting_records_the_change_without_a_task(personas, case):
    case.opened_at = timezone.now() - dt.timedelta(days=1)
    case.save(update_fields=["opened_at"])
    change = risk_change_record(
        case=case, recorded_by=personas.caseworker, occurred_at=timezone.now(), reason="Threats"
    )
    assert change.task is None
    assert (
        reassessment_task_create(
            case=case, actor=personas.caseworker, start=timezone.now(), why="an incident"
        )
        is None
    )


def test_seed_002_s3_9_victim_first_reassesses_risk_over_6_months_and_before_closure():
    profile = load_profile(PROFILES_DIR / "victim-first-2018.yaml")
    rule = next(r for r in profile.schedules if r.key == "long_support_risk_reassessment")
    assert rule.action == "risk_assessment"
    assert rule.duration.months == 6
    assert rule.repeat.every.months == 6
    requires = applicable_requirements(profile.exit, assessed=True, risk_assessed=True)
    assert "exit_risk_assessment" in requires
    # a case with no checklist (initial contact only) has none to repeat before closure
    requires = applicable_requirements(profile.exit, assessed=True, risk_assessed=False)
    assert "exit_risk_assessment" not in requires
