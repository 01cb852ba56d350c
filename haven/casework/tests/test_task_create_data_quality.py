"""Data-quality tasks (issue 10 s3; seed 004 s11.1 "100% complete quarterly data with an
exceptions report and remedial plan"): one open task per case and field, for the case's
allocated worker, audited; marked done by hand, on a closed case too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, Task
from haven.casework.services import case_open_from_referral
from haven.casework.services.tasks import (
    DataQualityTaskError,
    task_create_data_quality,
    task_done_refusal,
    task_mark_done,
)
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import CaseFactory, CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(personas):
    contract = profile_contract("victim-first-2018", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    return case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )


def _create(case, personas, key="sex", label="Sex"):
    return task_create_data_quality(
        case=case,
        field_key=key,
        field_label=label,
        created_by=personas.service_manager,
        due_at=timezone.now() + dt.timedelta(days=7),
    )


def test_assigning_creates_one_task_for_the_allocated_worker_and_audits_it(case, personas):
    task, created = _create(case, personas)
    assert created
    assert (task.allocated_to, task.team, task.action) == (
        personas.caseworker,
        personas.team,
        "data_quality",
    )
    assert task.citation == "seed 004 s11.1"
    assert task.is_outstanding
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(task.pk))
    assert event.actor == personas.service_manager
    assert CaseEvent.objects.filter(case=case, kind="task_created", summary__contains="Sex")


def test_assigning_again_keeps_the_open_task(case, personas):
    first, _ = _create(case, personas)
    again, created = _create(case, personas)
    assert (again.pk, created) == (first.pk, False)
    assert Task.objects.filter(case=case, action="data_quality").count() == 1
    # another field is another task; "sex" is not a prefix match for "sexual_orientation"
    _, other = _create(case, personas, "sexual_orientation", "Sexual orientation")
    assert other
    assert Task.objects.filter(case=case, action="data_quality").count() == 2


def test_once_done_a_new_task_can_be_set(case, personas):
    first, _ = _create(case, personas)
    task_mark_done(task=first, done_by=personas.caseworker, done_at=timezone.now())
    second, created = _create(case, personas)
    assert created
    assert second.pk != first.pk
    assert second.rule_key == "data_quality:sex#2"


def test_a_case_without_an_allocated_worker_gets_no_task(personas):
    case = CaseFactory(allocated_to=None)
    with pytest.raises(DataQualityTaskError):
        _create(case, personas)
    assert not Task.objects.filter(case=case).exists()


def test_a_data_quality_task_can_be_marked_done_on_a_closed_case(case, personas):
    task, _ = _create(case, personas, "exit_type", "Exit type")
    case.state = CaseState.CLOSED
    case.save(update_fields=["state"])
    task.refresh_from_db()
    assert task_done_refusal(task) is None
