"""task_mark_done: staff complete a deadline no recorded event meets; met or done late."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, TaskStatus
from haven.casework.services import TaskNotMarkableError, task_mark_done, tasks_mark_breached
from haven.core.models import AuditEvent
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened_case(team_case):
    team_case.opened_at = timezone.now() - dt.timedelta(days=10)
    team_case.save()
    return team_case


def needs_task(case, due_in=dt.timedelta(days=1), **fields):
    values = {
        "case": case,
        "action": "needs_assessment",
        "rule_key": "needs_assessment",
        "label": "Needs assessment",
        "due_at": timezone.now() + due_in,
    }
    return TaskFactory(**(values | fields))


def test_done_before_the_due_time_is_met_audited_and_on_the_timeline(opened_case, personas):
    task = needs_task(opened_case)
    done_at = timezone.now() - dt.timedelta(hours=2)
    task = task_mark_done(
        task=task, done_by=personas.caseworker, done_at=done_at, note="At the refuge office"
    )
    task.refresh_from_db()
    assert (task.status, task.completed_at, task.met_at) == (TaskStatus.MET, done_at, done_at)
    event = CaseEvent.objects.get(case=opened_case, kind="task_completed")
    assert event.summary == "Needs assessment: met (marked done)"
    assert (event.actor, event.occurred_at) == (personas.caseworker, done_at)
    assert event.data["note"] == "At the refuge office"
    audit = AuditEvent.objects.filter(object_id=str(task.pk), action="update").get()
    assert audit.actor == personas.caseworker
    assert audit.changes["status"] == ["open", "met"]


def test_done_after_the_due_time_is_done_late_and_stays_breached(opened_case, personas):
    task = needs_task(opened_case, due_in=-dt.timedelta(days=3))
    tasks_mark_breached()
    done_at = timezone.now() - dt.timedelta(days=1)
    task = task_mark_done(task=task, done_by=personas.caseworker, done_at=done_at)
    task.refresh_from_db()
    assert (task.status, task.completed_at, task.met_at) == (TaskStatus.BREACHED, done_at, None)
    assert not task.is_outstanding
    event = CaseEvent.objects.get(case=opened_case, kind="task_completed")
    assert event.summary == "Needs assessment: done late (marked done)"
    assert "note" not in event.data


def test_done_before_the_due_time_but_recorded_after_the_breach_is_met(opened_case, personas):
    # the overnight job marked it breached, but it had been done in time: the record says so
    task = needs_task(opened_case, due_in=-dt.timedelta(days=3))
    tasks_mark_breached()
    done_at = timezone.now() - dt.timedelta(days=4)
    task = task_mark_done(task=task, done_by=personas.caseworker, done_at=done_at)
    task.refresh_from_db()
    assert (task.status, task.met_at) == (TaskStatus.MET, done_at)


@pytest.mark.parametrize(
    ("action", "refusal"),
    [
        ("phone_contact", "met by recording a contact attempt"),
        ("contact_any", "met by recording a contact attempt"),
        ("risk_assessment", "met by completing the risk checklist"),
    ],
)
def test_a_task_met_by_a_recorded_event_is_refused(opened_case, personas, action, refusal):
    task = needs_task(opened_case, action=action)
    with pytest.raises(TaskNotMarkableError, match=refusal):
        task_mark_done(task=task, done_by=personas.caseworker, done_at=timezone.now())
    task.refresh_from_db()
    assert task.completed_at is None


def test_a_closed_case_a_done_task_and_a_cancelled_task_are_refused(opened_case, personas):
    done = needs_task(opened_case, rule_key="done", completed_at=timezone.now())
    cancelled = needs_task(opened_case, rule_key="cancelled", status=TaskStatus.CANCELLED)
    for task, refusal in ((done, "already done"), (cancelled, "cancelled")):
        with pytest.raises(TaskNotMarkableError, match=refusal):
            task_mark_done(task=task, done_by=personas.caseworker, done_at=timezone.now())
    open_task = needs_task(opened_case)
    opened_case.state = CaseState.CLOSED
    opened_case.save()
    with pytest.raises(TaskNotMarkableError, match="The case is closed"):
        task_mark_done(task=open_task, done_by=personas.caseworker, done_at=timezone.now())


def test_a_time_in_the_future_or_before_the_case_opened_is_refused(opened_case, personas):
    task = needs_task(opened_case)
    for done_at, refusal in (
        (timezone.now() + dt.timedelta(hours=1), "in the future"),
        (opened_case.opened_at - dt.timedelta(minutes=1), "before the case opened"),
    ):
        with pytest.raises(TaskNotMarkableError, match=refusal):
            task_mark_done(task=task, done_by=personas.caseworker, done_at=done_at)
    assert not CaseEvent.objects.filter(kind="task_completed").exists()
