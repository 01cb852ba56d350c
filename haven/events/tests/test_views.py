"""The events pages do what they say: add, filter, export, record delivery, cancel, import;
errors land on the fields (issue 16 item 2)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.events.models import Event, EventStatus
from haven.events.tests.test_import import GOOD, HEADER

pytestmark = pytest.mark.django_db


def test_a_caseworker_adds_an_event(client, family, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("events:add"),
        {
            "contracts": [str(family.pk)],
            "kind": "training",
            "title": "Domestic abuse awareness for housing officers",
            "starts_at-day": "3",
            "starts_at-month": "3",
            "starts_at-year": "2026",
            "starts_at-hour": "10",
            "starts_at-minute": "00",
            "duration_minutes": "90",
            "venue": "Synthetic Housing Office",
            "location_type": "workplace",
            "audience": "practitioners",
            "facilitators": [str(personas.caseworker.pk)],
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("events:detail", args=[event.pk])
    assert event.location_type == "workplace"


def test_a_form_with_errors_names_the_fields(client, family, personas):
    client.force_login(personas.caseworker)
    page = client.post(reverse("events:add"), {"kind": "training"}).content.decode()
    assert "Enter title" in page or "Enter a title" in page
    assert Event.objects.count() == 0


def test_the_list_filters_by_location_type_and_exports_the_filtered_list(
    client, event, delivered, personas
):
    client.force_login(personas.analyst)
    assert event.title in client.get(reverse("events:index")).content.decode()
    none = client.get(reverse("events:index"), {"location_type": "online"}).content.decode()
    assert "No events match" in none
    csv = client.get(reverse("events:export"), {"location_type": "school"}).content.decode()
    assert "Healthy relationships, year 9" in csv
    assert csv.splitlines()[0].lstrip("\ufeff").startswith("reference,contracts,kind")


def test_recording_delivery_marks_it_delivered(client, event, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        reverse("events:deliver", args=[event.pk]),
        {
            "attended": "20",
            "feedback_forms": "10",
            "awareness_increased": "9",
            "agency_police": "2",
        },
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.attended, event.awareness_increased) == ("delivered", 20, 9)


def test_feedback_beyond_the_forms_is_an_error_on_its_field(client, event, personas):
    client.force_login(personas.caseworker)
    page = client.post(
        reverse("events:deliver", args=[event.pk]),
        {"attended": "20", "feedback_forms": "5", "awareness_increased": "9"},
    ).content.decode()
    assert "Must be between 0 and the number of feedback forms" in page
    event.refresh_from_db()
    assert event.status == EventStatus.SCHEDULED


def test_cancelling_from_the_page(client, event, personas):
    client.force_login(personas.caseworker)
    response = client.post(reverse("events:cancel", args=[event.pk]), {"reason": "Venue flooded"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == EventStatus.CANCELLED


def test_importing_from_the_page(client, contract_for, personas):
    contract_for("leicester-family-2012")
    contract_for("leicester-perpetrator-2012")
    client.force_login(personas.service_manager)
    upload = SimpleUploadedFile("events.csv", (HEADER + GOOD).encode(), "text/csv")
    response = client.post(reverse("events:import"), {"file": upload})
    assert response.status_code == 302
    assert Event.objects.count() == 3


def test_a_bad_import_shows_its_problems_by_row(client, contract_for, personas):
    contract_for("leicester-family-2012")
    client.force_login(personas.caseworker)
    bad = (
        HEADER
        + "EV-9,leicester-family-2012,training,X,2025-13-01,10:00,60,X,school,public,,,1,,,,,\n"
    )
    upload = SimpleUploadedFile("events.csv", bad.encode(), "text/csv")
    page = client.post(reverse("events:import"), {"file": upload}).content.decode()
    assert "must be a date like 2025-03-27" in page
    assert Event.objects.count() == 0


def test_a_delivered_events_page_shows_attendance_by_agency_and_feedback(
    client, delivered, personas
):
    client.force_login(personas.analyst)
    page = client.get(reverse("events:detail", args=[delivered.pk])).content.decode()
    assert "Schools and colleges" in page
    assert "Wanted more on online abuse" in page
    assert "Change the attendance and feedback" not in page  # analysts only read


def test_a_cancelled_event_shows_why_and_offers_no_changes(client, event, personas):
    from haven.events.services import event_cancel

    event_cancel(event=event, cancelled_by=personas.caseworker, reason="Venue flooded")
    client.force_login(personas.caseworker)
    page = client.get(reverse("events:detail", args=[event.pk])).content.decode()
    assert "Venue flooded" in page
    assert reverse("events:edit", args=[event.pk]) not in page
