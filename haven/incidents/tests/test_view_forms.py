"""The incidents, complaints and compliments forms through their pages: each saves through its
service and lands where it should; bad input comes back on its field with nothing saved."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.incidents.models import Complaint, Compliment, SeriousIncident

pytestmark = pytest.mark.django_db


def _moment(prefix, when):
    when = timezone.localtime(when)
    return {
        f"{prefix}-day": when.day,
        f"{prefix}-month": when.month,
        f"{prefix}-year": when.year,
        f"{prefix}-hour": when.hour,
        f"{prefix}-minute": when.minute,
    }


def _day(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_a_caseworker_records_an_incident_on_the_case_and_returns_to_it(
    client, cornwall_case, personas
):
    client.force_login(personas.caseworker)
    url = reverse("incidents:case_add", args=[cornwall_case.pk])
    data = {"kind": "near_miss", "summary": "Synthetic"} | _moment(
        "occurred_at", timezone.now() - dt.timedelta(hours=1)
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:detail", args=[cornwall_case.pk])
    incident = SeriousIncident.objects.get()
    assert incident.case == cornwall_case
    assert incident.notification_due_at is not None


def test_bad_input_comes_back_on_its_field(client, cornwall_case, personas):
    client.force_login(personas.caseworker)
    url = reverse("incidents:case_add", args=[cornwall_case.pk])
    response = client.post(url, {"kind": "near_miss", "summary": ""})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter what happened" in page
    assert "govuk-error-summary" in page
    assert not SeriousIncident.objects.exists()


def test_a_team_leader_records_a_service_incident_then_the_report(client, cornwall, personas):
    client.force_login(personas.team_leader)
    data = {
        "contract": str(cornwall.pk),
        "kind": "drug_related_death",
        "summary": "Synthetic",
    } | _moment("occurred_at", timezone.now() - dt.timedelta(hours=3))
    response = client.post(reverse("incidents:add"), data)
    incident = SeriousIncident.objects.get()
    assert response["Location"] == reverse("incidents:detail", args=[incident.pk])
    assert incident.case is None
    register = client.get(reverse("incidents:register") + "?status=to_report").content.decode()
    assert "Drug-related death" in register
    report = {"notified_to": "Commissioning team"} | _moment("notified_at", timezone.now())
    client.post(reverse("incidents:notify", args=[incident.pk]), report)
    incident.refresh_from_db()
    assert incident.notified_to == "Commissioning team"
    register = client.get(reverse("incidents:register") + "?status=to_report").content.decode()
    assert "Drug-related death" not in register


def test_a_complaint_links_the_case_by_its_reference_code(client, cornwall_case, personas):
    client.force_login(personas.team_leader)
    data = {
        "contract": str(cornwall_case.contract.pk),
        "complainant": "family_or_friend",
        "route": "letter",
        "subject": "communication",
        "summary": "Synthetic complaint",
        "stage": "informal",
        "case_reference": "NOPE-00000",
    } | _day("received_on", timezone.localdate())
    response = client.post(reverse("incidents:complaint_add"), data)
    assert response.status_code == 200
    assert "No case of this service with that reference code" in response.content.decode()
    assert not Complaint.objects.exists()
    data["case_reference"] = cornwall_case.person.reference_code
    response = client.post(reverse("incidents:complaint_add"), data)
    complaint = Complaint.objects.get()
    assert complaint.case == cornwall_case
    assert response["Location"] == reverse("incidents:complaint_detail", args=[complaint.pk])


def test_the_complaints_log_filters_open_and_resolved(client, complaint, personas):
    client.force_login(personas.team_leader)
    detail = reverse("incidents:complaint_detail", args=[complaint.pk])
    url = reverse("incidents:complaints")
    assert detail in client.get(url + "?status=open").content.decode()
    assert detail not in client.get(url + "?status=resolved").content.decode()
    resolve = {"outcome": "not_upheld", "learning": ""} | _day("resolved_on", timezone.localdate())
    client.post(reverse("incidents:complaint_resolve", args=[complaint.pk]), resolve)
    assert detail in client.get(url + "?status=resolved").content.decode()


def test_a_compliment_is_logged(client, cornwall, personas):
    client.force_login(personas.team_leader)
    data = {
        "contract": str(cornwall.pk),
        "complimenter": "professional",
        "about": "Quick safety planning",
    } | _day("received_on", timezone.localdate())
    response = client.post(reverse("incidents:compliment_add"), data)
    assert response["Location"] == reverse("incidents:compliments")
    assert Compliment.objects.get().about == "Quick safety planning"
    assert "Quick safety planning" in client.get(reverse("incidents:compliments")).content.decode()
