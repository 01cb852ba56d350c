"""The demo's safeguarding rows match what the safeguarding services write for the same records:
a child's record, a conference attended, an adults alert and the Think Family questions with an
accepted carers' referral, and their timeline entries (ids and times of writing aside)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.casework.tests.exit_fixtures import refuge_case
from haven.demodata.recorder import CaseRecorder
from haven.people.safe_contact import SafeContactPreferences
from haven.safeguarding.adults import alert_raise, think_family_record
from haven.safeguarding.models import (
    ChildRecord,
    SafeguardingAlert,
    SafeguardingEvent,
    ThinkFamilyCheck,
)
from haven.safeguarding.services import child_record_save, safeguarding_event_record
from haven.testing.fixtures import contract_for, open_case
from haven.testing.people import HouseholdLinkFactory

__all__ = ["contract_for", "open_case", "refuge_case"]

pytestmark = pytest.mark.django_db
KINDS = ("child_record", "safeguarding_event", "safeguarding_alert", "think_family")


def _values(rows, fields):
    return sorted((tuple(getattr(row, f) for f in fields) for row in rows), key=repr)


def test_the_recorder_writes_the_safeguarding_the_services_write(refuge_case, personas):
    worker, case = personas.caseworker, refuge_case
    child = HouseholdLinkFactory(
        person=case.person, member__organisation=case.person.organisation
    ).member
    today = timezone.localdate()
    plan = {"cp_plan_started_on": today - timedelta(days=40), "school": "Oakfield Primary School"}
    alert = {
        "raised_on": today,
        "concern": "Synthetic concern",
        "substantiation": "partially",
        "referred_on": today,
        "harm_relationship": "ex_partner",
    }
    answers = {
        "children_in_family": True,
        "parenting_support_needed": False,
        "young_carer": False,
        "vulnerable_adult": True,
        "adult_carer": True,
        "family_offered_support": True,
        "young_carer_referral": "not_needed",
        "adult_carer_referral": "accepted",
    }
    child_record_save(case=case, child=child, recorded_by=worker, **plan)
    safeguarding_event_record(
        case=case,
        recorded_by=worker,
        kind="cp_conference",
        occurred_on=today,
        child=child,
        attended=True,
    )
    alert_raise(case=case, recorded_by=worker, **alert)
    think_family_record(case=case, recorded_by=worker, asked_on=today, **answers)

    recorder = CaseRecorder(
        case=case,
        referral=case.referral,
        preferences=SafeContactPreferences(),
        new_id=uuid.uuid4,
    )
    at = timezone.now()
    recorder.child_record(actor=worker, at=at, child_id=child.pk, new_id=uuid.uuid4, **plan)
    recorder.safeguarding_event(
        actor=worker,
        at=at,
        kind="cp_conference",
        occurred_on=today,
        new_id=uuid.uuid4,
        child_id=child.pk,
        attended=True,
    )
    recorder.safeguarding_alert(actor=worker, at=at, new_id=uuid.uuid4, **alert)
    recorder.think_family(actor=worker, at=at, new_id=uuid.uuid4, **answers)
    recorder.safeguarding_event(
        actor=worker, at=at, kind="referral_adult_carers", occurred_on=today, new_id=uuid.uuid4
    )

    record_fields = ("child_id", "school", "cp_plan_started_on", "cin_started_on", "voice")
    assert _values(recorder.child_records, record_fields) == _values(
        ChildRecord.objects.all(), record_fields
    )
    event_fields = ("child_id", "kind", "occurred_on", "attended")
    assert _values(recorder.safeguarding_events, event_fields) == _values(
        SafeguardingEvent.objects.all(), event_fields
    )
    alert_fields = tuple(alert)
    assert _values(recorder.safeguarding_alerts, alert_fields) == _values(
        SafeguardingAlert.objects.all(), alert_fields
    )
    check_fields = ("asked_on", *answers)
    assert _values(recorder.think_family_checks, check_fields) == _values(
        ThinkFamilyCheck.objects.all(), check_fields
    )
    written = CaseEvent.objects.filter(case=case, kind__in=KINDS)
    mine = [e for e in recorder.events if e.kind in KINDS]
    assert sorted((e.kind, e.summary) for e in mine) == sorted((e.kind, e.summary) for e in written)
