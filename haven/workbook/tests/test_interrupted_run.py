"""A run left "running" by a stopped process (kill -9, restart) is not shown as running for ever:
its import was rolled back, so it is marked failed, audited, and says to import again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.core.models import AuditEvent
from haven.testing.factories import ContractFactory
from haven.workbook.models import RunStatus, WorkbookRun
from haven.workbook.services import INTERRUPTED_ERROR, workbook_runs_interrupted

pytestmark = pytest.mark.django_db


def _run(contract, started_ago: timedelta) -> WorkbookRun:
    return WorkbookRun.objects.create(
        contract=contract,
        started_at=timezone.now() - started_ago,
        file_name="export.csv",
        file_sha256="0" * 64,
        identity="auto",
    )


def test_a_run_running_for_hours_is_marked_interrupted_and_audited():
    contract = ContractFactory()
    stale = _run(contract, timedelta(hours=7))
    current = _run(contract, timedelta(minutes=5))
    assert stale.shown_status == "Interrupted; nothing imported"
    assert current.shown_status == "Running"

    assert workbook_runs_interrupted(now=timezone.now()) == 1

    stale.refresh_from_db()
    current.refresh_from_db()
    assert stale.status == RunStatus.FAILED
    assert stale.error == INTERRUPTED_ERROR
    assert stale.finished_at is not None
    assert current.status == RunStatus.RUNNING
    assert AuditEvent.objects.filter(object_id=str(stale.pk)).exists()
    assert workbook_runs_interrupted(now=timezone.now()) == 0  # once only
