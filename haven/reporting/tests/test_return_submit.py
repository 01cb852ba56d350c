"""return_submit sends a signed-off version to the commissioner (issue 10 s2)."""

from __future__ import annotations

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.models import ReturnStatus
from haven.reporting.services import ReturnRefusedError, return_sign_off, return_submit
from haven.reporting.tests.signoff_world import build_signoff_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _sign_off(world):
    return return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )


def test_it_submits_a_signed_off_version(world):
    snapshot = return_submit(snapshot=_sign_off(world), submitted_by=world.personas.service_manager)
    snapshot.refresh_from_db()
    assert snapshot.status == ReturnStatus.SUBMITTED
    assert snapshot.submitted_by == world.personas.service_manager
    assert snapshot.submitted_at is not None
    event = AuditEvent.objects.get(object_id=str(snapshot.pk), action=AuditAction.UPDATE)
    assert event.changes["status"] == ["signed_off", "submitted"]


def test_a_submitted_version_cannot_be_submitted_again(world):
    snapshot = return_submit(snapshot=_sign_off(world), submitted_by=world.personas.service_manager)
    with pytest.raises(ReturnRefusedError):
        return_submit(snapshot=snapshot, submitted_by=world.personas.service_manager)


def test_a_draft_cannot_be_submitted(world):
    from haven.reporting.models import ReturnSnapshot

    draft = ReturnSnapshot(contract=world.contract, period_code="2026-Q1", status="draft")
    with pytest.raises(ReturnRefusedError) as refused:
        return_submit(snapshot=draft, submitted_by=world.personas.service_manager)
    assert "draft" in str(refused.value)
    assert not ReturnSnapshot.objects.exists()


def test_a_draft_status_cannot_be_stored(world):
    from django.db import IntegrityError, transaction

    snapshot = _sign_off(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        type(snapshot).objects.filter(pk=snapshot.pk).update(status=ReturnStatus.DRAFT)


def test_an_older_version_cannot_be_submitted(world):
    first = _sign_off(world)
    _sign_off(world)
    with pytest.raises(ReturnRefusedError) as refused:
        return_submit(snapshot=first, submitted_by=world.personas.service_manager)
    assert "Version 2" in str(refused.value)


def test_a_caseworker_cannot_submit(world):
    with pytest.raises(ReturnRefusedError):
        return_submit(snapshot=_sign_off(world), submitted_by=world.personas.caseworker)
