"""A task's `is_outstanding` flag and its copy of the case's allocation follow the services."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import Task, TaskStatus
from haven.casework.services import (
    case_allocate,
    case_close,
    contact_attempt_record,
    tasks_mark_breached,
)
from haven.people.models import SafeContact

pytestmark = pytest.mark.django_db


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return open_case(contract_for("wokingham-da-2017"), route="professional")


def test_a_new_case_s_tasks_are_outstanding_and_carry_its_allocation(wokingham_case, personas):
    tasks = list(wokingham_case.tasks.all())
    assert tasks
    for task in tasks:
        assert task.is_outstanding
        assert (task.allocated_to, task.team) == (personas.caseworker, personas.team)


def test_closing_a_case_leaves_its_cancelled_tasks_no_longer_outstanding(wokingham_case, personas):
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Done",
        overrides={"exit_risk_assessment": "Declined the assessment"},
    )
    cancelled = wokingham_case.tasks.filter(status=TaskStatus.CANCELLED)
    assert cancelled.exists()
    assert not cancelled.filter(is_outstanding=True).exists()
    # the follow-ups that start at closure are the only outstanding tasks left
    outstanding = wokingham_case.tasks.filter(is_outstanding=True)
    assert set(outstanding.values_list("rule_key", flat=True)) == {
        "follow_up_6_months",
        "follow_up_12_months",
    }
    assert {(t.allocated_to_id, t.team_id) for t in outstanding} == {
        (personas.caseworker.pk, personas.team.pk)
    }


@pytest.mark.parametrize(("hours", "status"), [(5, TaskStatus.MET), (49, TaskStatus.BREACHED)])
def test_a_task_done_on_time_or_late_is_no_longer_outstanding(
    open_case, contract_for, personas, hours, status
):
    received = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)
    case = open_case(
        contract_for("victim-first-2018"), received_at=received, contact_method="mobile_phone"
    )
    SafeContact.objects.create(person=case.person, safe_phone="07700 900123")
    contact_attempt_record(
        case=case,
        recorded_by=personas.caseworker,
        channel="phone",
        outcome="reached",
        attempted_at=received + dt.timedelta(hours=hours),
    )
    task = case.tasks.get(rule_key="first_contact_phone")
    assert task.status == status
    assert not task.is_outstanding


def test_a_breached_task_not_yet_done_is_still_outstanding(open_case, contract_for):
    case = open_case(contract_for("victim-first-2018"))
    task = case.tasks.filter(is_outstanding=True).order_by("due_at").first()
    assert task is not None
    tasks_mark_breached(now=task.due_at + dt.timedelta(minutes=1))
    task.refresh_from_db()
    assert task.status == TaskStatus.BREACHED
    assert task.is_outstanding


def test_reallocating_a_case_moves_all_its_tasks_with_it(wokingham_case, personas):
    done = wokingham_case.tasks.first()
    Task.objects.filter(pk=done.pk).update(
        status=TaskStatus.MET, completed_at=timezone.now(), is_outstanding=False
    )
    case_allocate(
        case=wokingham_case,
        allocated_by=personas.team_leader,
        allocated_to=personas.outsider,  # a worker of the other team, with their team
        team=personas.other_team,
    )
    allocations = set(wokingham_case.tasks.values_list("allocated_to_id", "team_id"))
    assert allocations == {(personas.outsider.pk, personas.other_team.pk)}
    case_allocate(case=wokingham_case, allocated_by=personas.team_leader)
    allocations = set(wokingham_case.tasks.values_list("allocated_to_id", "team_id"))
    assert allocations == {(None, None)}
