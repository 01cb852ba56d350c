"""The MARAC pages: the case page's section and actions, recording an incident and a referral,
the referral's page and PDF (nothing a person causing harm could use), the meeting pages."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import Task
from haven.core.models import AuditEvent
from haven.marac.models import Incident, MaracAction, MaracHearing, MaracMeeting, MaracReferral
from haven.marac.tests.views_helpers import case_pages, day, heard, meeting_pages, referral_data

pytestmark = pytest.mark.django_db


def test_the_case_page_links_the_marac_actions(client, supported_case, personas, area):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[supported_case.pk])).content.decode()
    assert "Record a new incident" in page
    assert "Record a MARAC referral" in page


def test_the_case_page_shows_referrals_hearings_and_actions(client, referral, personas):
    heard(referral, personas)
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[referral.case_id])).content.decode()
    assert 'id="marac"' in page
    assert "Synthetic City" in page
    assert "Flag the address." in page
    assert "we represented the victim" in page


def test_recording_an_incident_within_12_months_says_it_is_a_repeat(
    client, supported_case, personas, refer
):
    refer(supported_case, referred_on=timezone.localdate() - dt.timedelta(days=60))
    client.force_login(personas.caseworker)
    url = reverse("marac:incident_add", args=[supported_case.pk])
    data = day("occurred_on", timezone.localdate()) | {
        "summary": "Came to the house.",
        "police_reference": "",
    }
    response = client.post(url, data, follow=True)
    assert "it is a repeat MARAC" in response.content.decode()
    assert Incident.objects.get().repeat_marac
    assert Task.objects.filter(case=supported_case, action="marac_referral").exists()


def test_an_incident_form_with_errors_shows_them_and_saves_nothing(
    client, supported_case, personas
):
    client.force_login(personas.caseworker)
    url = reverse("marac:incident_add", args=[supported_case.pk])
    response = client.post(url, {"summary": ""})
    assert response.status_code == 200
    assert "Enter what happened" in response.content.decode()
    assert not Incident.objects.exists()


def test_recording_a_referral_goes_to_its_page(client, supported_case, personas, area):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("marac:referral_add", args=[supported_case.pk]), referral_data(area)
    )
    referral = MaracReferral.objects.get()
    assert response["Location"] == reverse("marac:referral", args=[supported_case.pk, referral.pk])


def test_a_referral_without_consent_reason_is_refused_on_its_field(
    client, supported_case, personas, area
):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("marac:referral_add", args=[supported_case.pk]),
        referral_data(area, consent="no", victim_aware="no"),
    )
    assert "Give the reason the referral may be shared without consent" in response.content.decode()
    assert not MaracReferral.objects.exists()


def test_with_no_area_the_referral_page_says_to_add_one(client, supported_case, personas):
    client.force_login(personas.caseworker)
    response = client.get(reverse("marac:referral_add", args=[supported_case.pk]), follow=True)
    assert "No MARAC area is set up yet" in response.content.decode()


def _victim(case):
    person = case.person
    person.address_line_1 = "1 Synthetic Street"
    person.phone = "07700 900001"
    person.save()
    return person


def test_reference_s2_the_referral_page_shows_the_address_of_an_unrestricted_record(
    client, referral, personas
):
    _victim(referral.case)
    client.force_login(personas.caseworker)
    page = client.get(case_pages(referral)["referral"]).content.decode()
    assert "1 Synthetic Street" in page
    assert "07700 900001" not in page  # only a safe number is ever shown
    assert AuditEvent.objects.filter(object_id=str(referral.pk), action="view").exists()


def test_the_referral_pdf_withholds_a_restricted_victims_address(client, referral, personas):
    from haven.marac.presenters import WITHHELD, referral_sheet

    _victim(referral.case)
    referral.case.is_restricted = True
    referral.case.save()
    values = [row.value for row in referral_sheet(referral).victim]
    assert WITHHELD in values
    assert "1 Synthetic Street" not in values


def test_the_referral_pdf_downloads_and_is_audited_as_an_export(client, referral, personas):
    client.force_login(personas.caseworker)
    response = client.get(case_pages(referral)["pdf"])
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert AuditEvent.objects.filter(object_id=str(referral.pk), action="export").exists()


def test_a_team_leader_records_a_meeting_a_case_heard_and_an_action(client, referral, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        reverse("marac:meeting_add"),
        day("held_on", timezone.localdate())
        | {"area": str(referral.area_id), "agencies_present": ["police"], "idva_attended": "yes"},
    )
    meeting = MaracMeeting.objects.get()
    assert response["Location"] == reverse("marac:meeting", args=[meeting.pk])
    client.post(
        reverse("marac:hearing_add", args=[meeting.pk]),
        {"referral": str(referral.pk), "idva_represented": "yes", "outcome": ""},
    )
    hearing = MaracHearing.objects.get()
    client.post(
        reverse("marac:action_add", args=[meeting.pk, hearing.pk]),
        day("due_on", timezone.localdate())
        | {"owning_agency": "housing", "description": "Repair the door."},
    )
    action = MaracAction.objects.get()
    client.post(
        reverse("marac:action_status", args=[meeting.pk, action.pk]),
        day("status_on", timezone.localdate()) | {"status": "done"},
    )
    action.refresh_from_db()
    assert action.status == "done"
    page = client.get(reverse("marac:meeting", args=[meeting.pk])).content.decode()
    assert referral.case.person.reference_code in page
    assert "Repair the door." in page


def test_a_meeting_hides_cases_the_viewer_may_not_see(client, referral, personas):
    meeting, hearing, action = heard(referral, personas)
    referral.case.is_restricted = True
    referral.case.save()
    client.force_login(personas.service_manager)
    page = client.get(meeting_pages(meeting, hearing, action)["meeting"]).content.decode()
    assert referral.case.person.reference_code not in page
    assert "1 other case heard here is restricted to named staff" in page


def test_reference_s2_a_meeting_lists_open_actions_from_earlier_meetings(
    client, referral, personas
):
    from haven.marac.meetings import marac_meeting_record

    earlier, _hearing, action = heard(referral, personas)
    MaracMeeting.objects.filter(pk=earlier.pk).update(
        held_on=timezone.localdate() - dt.timedelta(days=2)  # after the referral, 3 days ago
    )
    later = marac_meeting_record(
        area=referral.area,
        actor=personas.team_leader,
        held_on=timezone.localdate(),
        agencies_present=["police"],
        idva_attended=True,
    )
    client.force_login(personas.team_leader)
    page = client.get(reverse("marac:meeting", args=[later.pk])).content.decode()
    assert "Open actions from earlier meetings" in page
    assert "Flag the address." in page
    assert reverse("marac:action_status", args=[earlier.pk, action.pk]) in page
