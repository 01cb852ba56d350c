"""Planning, delivering and cancelling events (issue 16 item 2): scheduled -> delivered or
cancelled (with a reason); feedback counts within the forms returned (seed 001 Lot 1 s8);
refused for staff of another provider; audited."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditEvent
from haven.events.models import EventStatus
from haven.events.services import (
    Delivery,
    event_cancel,
    event_record_delivery,
    event_schedule,
    event_update,
)
from haven.events.tests.conftest import details

pytestmark = pytest.mark.django_db


def test_scheduling_an_event_records_it_and_audits(event, family, personas):
    assert event.status == EventStatus.SCHEDULED
    assert list(event.contracts.all()) == [family]
    assert list(event.facilitators.all()) == [personas.caseworker]
    assert AuditEvent.objects.filter(object_id=str(event.pk), action="create").exists()


def test_a_contract_of_another_provider_is_refused(personas):
    theirs = personas.other_contract
    with pytest.raises(ValidationError) as refused:
        event_schedule(
            provider=personas.organisation,
            scheduled_by=personas.caseworker,
            details=details([theirs]),
        )
    assert "contracts" in refused.value.error_dict


def test_staff_of_another_provider_cannot_schedule(family, personas):
    with pytest.raises(PermissionDenied):
        event_schedule(
            provider=personas.organisation,
            scheduled_by=personas.other_provider_caseworker,
            details=details([family]),
        )


def test_an_analyst_cannot_record(family, personas):
    with pytest.raises(PermissionDenied):
        event_schedule(
            provider=personas.organisation, scheduled_by=personas.analyst, details=details([family])
        )


def test_bad_details_are_refused_field_by_field(family, personas):
    with pytest.raises(ValidationError) as refused:
        event_schedule(
            provider=personas.organisation,
            scheduled_by=personas.caseworker,
            details=details(
                [], kind="party", duration_minutes=0, location_type="moon", title=" ", venue=""
            ),
        )
    assert set(refused.value.error_dict) >= {
        "contracts",
        "kind",
        "duration_minutes",
        "location_type",
        "title",
        "venue",
    }


def test_seed_001_lot_1_s8_delivery_records_attendance_and_feedback(delivered):
    assert delivered.status == EventStatus.DELIVERED
    assert delivered.attended == 30
    assert (delivered.feedback_forms, delivered.awareness_increased) == (20, 15)
    assert [(a.agency, a.attended) for a in delivered.agency_attendance.all()] == [("education", 2)]


@pytest.mark.parametrize(
    ("delivery", "field"),
    [
        (Delivery(attended=5, feedback_forms=6), "feedback_forms"),
        (Delivery(attended=5, feedback_forms=3, awareness_increased=4), "awareness_increased"),
        (Delivery(attended=5, feedback_forms=3, more_confident=4), "more_confident"),
        (Delivery(attended=5, by_agency={"police": 6}), "by_agency"),
        (Delivery(attended=5, by_agency={"spies": 1}), "by_agency"),
        (Delivery(attended=-1), "attended"),
    ],
)
def test_seed_001_lot_1_s8_feedback_counts_cannot_exceed_forms_or_attendance(
    event, personas, delivery, field
):
    with pytest.raises(ValidationError) as refused:
        event_record_delivery(event=event, recorded_by=personas.caseworker, delivery=delivery)
    assert field in refused.value.error_dict
    event.refresh_from_db()
    assert event.status == EventStatus.SCHEDULED


def test_an_event_in_the_future_cannot_be_delivered(family, personas):
    later = event_schedule(
        provider=personas.organisation,
        scheduled_by=personas.caseworker,
        details=details([family], starts_at=timezone.now() + dt.timedelta(days=3)),
    )
    with pytest.raises(ValidationError) as refused:
        event_record_delivery(event=later, recorded_by=personas.caseworker, delivery=Delivery(4))
    assert "starts_at" in refused.value.error_dict


def test_a_correction_replaces_the_attendance_by_agency(delivered, personas):
    event_record_delivery(
        event=delivered,
        recorded_by=personas.team_leader,
        delivery=Delivery(attended=28, by_agency={"police": 3}),
    )
    assert [(a.agency, a.attended) for a in delivered.agency_attendance.all()] == [("police", 3)]


def test_cancelling_needs_a_reason_and_closes_the_event(event, family, personas):
    with pytest.raises(ValidationError):
        event_cancel(event=event, cancelled_by=personas.caseworker, reason="  ")
    event_cancel(event=event, cancelled_by=personas.caseworker, reason="School closed for snow")
    assert event.status == EventStatus.CANCELLED
    with pytest.raises(ValidationError):
        event_record_delivery(event=event, recorded_by=personas.caseworker, delivery=Delivery(3))
    with pytest.raises(ValidationError):
        event_update(event=event, changed_by=personas.caseworker, details=details([family]))
    with pytest.raises(ValidationError):
        event_cancel(event=event, cancelled_by=personas.caseworker, reason="again")


def test_a_delivered_event_cannot_be_cancelled(delivered, personas):
    with pytest.raises(ValidationError):
        event_cancel(event=delivered, cancelled_by=personas.caseworker, reason="Oops")
