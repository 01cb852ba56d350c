"""`haven deadlines refresh` marks overdue open tasks breached, as the system actor."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from haven.casework.models import TaskStatus
from haven.core.models import AuditEvent
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


def test_overdue_open_tasks_become_breached_and_others_do_not(team_case):
    overdue = TaskFactory(case=team_case, due_at=timezone.now() - dt.timedelta(minutes=1))
    future = TaskFactory(case=team_case, due_at=timezone.now() + dt.timedelta(hours=1))
    done = TaskFactory(
        case=team_case,
        due_at=timezone.now() - dt.timedelta(hours=1),
        status=TaskStatus.MET,
        completed_at=timezone.now(),
    )
    out = StringIO()
    call_command("deadlines", "refresh", stdout=out)
    assert "1 task marked breached" in out.getvalue()
    for task in (overdue, future, done):
        task.refresh_from_db()
    assert (overdue.status, future.status, done.status) == ("breached", "open", "met")
    audit = AuditEvent.objects.get(object_id=str(overdue.pk))
    assert audit.actor_label == "system"
    assert team_case.events.filter(kind="task_breached").exists()


def test_running_it_again_changes_nothing(team_case):
    TaskFactory(case=team_case, due_at=timezone.now() - dt.timedelta(minutes=1))
    call_command("deadlines", "refresh", stdout=StringIO())
    out = StringIO()
    call_command("deadlines", "refresh", stdout=out)
    assert "0 tasks marked breached" in out.getvalue()


def test_haven_help_lists_deadlines_refresh(capsys):
    from haven.cli import main

    main(["--help"])
    assert "deadlines refresh" in capsys.readouterr().out
