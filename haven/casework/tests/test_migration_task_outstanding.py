"""Migration 0003 backfills existing tasks: done or cancelled ones stop being outstanding and
every task takes its case's allocation."""

import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from haven.casework.models import Task
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "haven.casework.migrations.0003_task_outstanding_and_allocation"
)


def test_the_backfill_sets_outstanding_and_copies_the_allocation(personas):
    case = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    open_task = TaskFactory(case=case)
    met = TaskFactory(case=case, status="met", completed_at=timezone.now())
    cancelled = TaskFactory(case=case, status="cancelled")
    breached = TaskFactory(case=case, status="breached")
    # as the rows stood before the migration: every task outstanding, no allocation
    Task.objects.update(is_outstanding=True, allocated_to=None, team=None)

    migration.backfill(apps, None)

    outstanding = dict(Task.objects.values_list("id", "is_outstanding"))
    assert outstanding == {
        open_task.id: True,
        met.id: False,
        cancelled.id: False,
        breached.id: True,  # late and still not done: it stays on the worklist
    }
    assert set(Task.objects.values_list("allocated_to_id", "team_id")) == {
        (personas.caseworker.pk, personas.team.pk)
    }
