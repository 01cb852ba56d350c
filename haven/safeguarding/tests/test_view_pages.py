"""The safeguarding pages: the case page section and overview, each form through its service,
GOV.UK errors that keep what was typed, closed cases (seed 004 s6.5, s10)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape  # Jinja2 escapes an apostrophe as &#39;, Django as &#x27;

from haven.casework.models import CaseState
from haven.safeguarding.models import (
    ChildRecord,
    SafeguardingAlert,
    SafeguardingEvent,
    ThinkFamilyCheck,
)
from haven.safeguarding.tests.views_helpers import (
    alert_add_url,
    alert_data,
    alert_edit_url,
    child_data,
    child_url,
    day,
    event_change_url,
    event_data,
    event_url,
    overview_url,
    think_family_data,
    think_family_url,
)
from haven.testing.people import ChildFactory

pytestmark = pytest.mark.django_db


def _case_page(client, case):
    return client.get(reverse("casework:detail", args=[case.pk])).content.decode()


def test_the_case_page_lists_the_children_and_links_to_safeguarding(
    client, supported_case, child, personas
):
    client.force_login(personas.caseworker)
    body = _case_page(client, supported_case)
    assert 'id="safeguarding"' in body
    assert escape(child.full_name) in body
    assert overview_url(supported_case) in body
    assert event_url(supported_case) in body
    assert alert_add_url(supported_case) in body
    assert think_family_url(supported_case) not in body  # the contract does not ask


def test_the_case_page_prompts_think_family_where_the_contract_asks(
    client, supported_case, think_family_contract, personas
):
    client.force_login(personas.caseworker)
    body = _case_page(client, supported_case)
    assert "Think Family questions not asked yet" in body
    assert think_family_url(supported_case) in body


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_the_team_records_a_childs_plan_and_voice(client, supported_case, child, personas, who):
    client.force_login(getattr(personas, who))
    start = timezone.localdate() - dt.timedelta(days=30)
    data = (
        child_data(school="Synthetic Academy", voice="Synthetic words")
        | day("cp_plan_started_on", start)
        | day("voice_on", start)
    )
    response = client.post(child_url(supported_case, child), data)
    assert (response.status_code, response["Location"]) == (302, overview_url(supported_case))
    record = ChildRecord.objects.get()
    assert (record.school, record.cp_plan_started_on, record.recorded_by) == (
        "Synthetic Academy",
        start,
        getattr(personas, who),
    )
    body = client.get(overview_url(supported_case)).content.decode()
    assert "Synthetic Academy" in body
    assert reverse("plans:safety_record", args=[supported_case.pk]) in body  # the child's plan
    assert "Child protection plan: since" in body
    # the form shows what was saved, to change it
    assert "Synthetic Academy" in client.get(child_url(supported_case, child)).content.decode()


def test_a_plan_ending_before_it_starts_is_a_govuk_error_keeping_what_was_typed(
    client, supported_case, child, personas
):
    client.force_login(personas.caseworker)
    today = timezone.localdate()
    data = (
        child_data(school="Synthetic Typed School")
        | day("cin_started_on", today)
        | day("cin_ended_on", today - dt.timedelta(days=3))
    )
    body = client.post(child_url(supported_case, child), data).content.decode()
    assert "govuk-error-summary" in body
    assert "Synthetic Typed School" in body
    assert not ChildRecord.objects.exists()


def test_a_child_of_another_household_is_not_found(client, supported_case, personas):
    client.force_login(personas.caseworker)
    stranger = ChildFactory(organisation=supported_case.person.organisation)
    assert client.get(child_url(supported_case, stranger)).status_code == 404


def test_recording_a_conference_attended(client, supported_case, child, personas):
    client.force_login(personas.caseworker)
    data = event_data(child=child.pk, kind="cp_conference", attended="yes")
    response = client.post(event_url(supported_case), data)
    assert response.status_code == 302
    event = SafeguardingEvent.objects.get()
    assert (event.kind, event.child, event.attended) == ("cp_conference", child, True)
    assert (
        "Child protection conference" in client.get(overview_url(supported_case)).content.decode()
    )


def test_a_meeting_without_attendance_is_a_govuk_error(client, supported_case, child, personas):
    client.force_login(personas.caseworker)
    body = client.post(
        event_url(supported_case), event_data(child=child.pk, kind="tac_meeting")
    ).content.decode()
    assert "Select yes if the service attended the meeting" in body
    assert not SafeguardingEvent.objects.exists()


def test_raising_and_updating_an_alert(client, supported_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(alert_add_url(supported_case), alert_data())
    assert response.status_code == 302
    alert = SafeguardingAlert.objects.get()
    assert (alert.concern, alert.harm_relationship) == ("Synthetic concern typed", "")
    assert alert_edit_url(alert) in client.get(overview_url(supported_case)).content.decode()
    data = {"substantiation": "fully", "harm_relationship": "current_partner"} | day(
        "referred_on", timezone.localdate()
    )
    assert client.post(alert_edit_url(alert), data).status_code == 302
    alert.refresh_from_db()
    assert (alert.substantiation, alert.referred, alert.harm_relationship) == (
        "fully",
        True,
        "current_partner",
    )


def test_an_alert_without_a_concern_is_a_govuk_error(client, supported_case, personas):
    client.force_login(personas.caseworker)
    body = client.post(alert_add_url(supported_case), alert_data(concern="")).content.decode()
    assert "Enter the concern" in body
    assert not SafeguardingAlert.objects.exists()


def test_think_family_with_a_young_carer_refused_without_the_offer(
    client, supported_case, think_family_contract, personas
):
    client.force_login(personas.caseworker)
    body = client.post(
        think_family_url(supported_case), think_family_data(young_carer="yes")
    ).content.decode()
    assert "A carer must be offered a referral to the young carers service" in body
    assert not ThinkFamilyCheck.objects.exists()
    data = think_family_data(young_carer="yes", young_carer_referral="accepted")
    assert client.post(think_family_url(supported_case), data).status_code == 302
    assert SafeguardingEvent.objects.get().kind == "referral_young_carers"


def test_a_closed_case_shows_without_links_and_refuses_the_forms(client, alert, child, personas):
    case = alert.case
    case.state = CaseState.CLOSED
    case.save()
    client.force_login(personas.caseworker)
    body = client.get(overview_url(case)).content.decode()
    assert "Synthetic concern about an adult at risk" in body
    assert alert_edit_url(alert) not in body
    assert child_url(case, child) not in body
    response = client.post(alert_add_url(case), alert_data())
    assert (response.status_code, response["Location"]) == (302, overview_url(case))
    assert SafeguardingAlert.objects.count() == 1


def test_a_contact_since_the_last_think_family_questions_prompts_them(
    client, supported_case, think_family_contract, personas
):
    # seed 004 s6.5: the questions are considered "during every service user contact"
    from haven.safeguarding.adults import think_family_record
    from haven.testing.casework import ContactAttemptFactory

    client.force_login(personas.caseworker)
    ContactAttemptFactory(case=supported_case, outcome="no_answer")
    assert "not asked since the contact" not in _case_page(client, supported_case)
    ContactAttemptFactory(case=supported_case, outcome="reached")
    assert "Ask the Think Family questions: not asked since the contact" in _case_page(
        client, supported_case
    )
    think_family_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        asked_on=timezone.localdate(),
        children_in_family=False,
        parenting_support_needed=False,
        young_carer=False,
        vulnerable_adult=False,
        adult_carer=False,
        family_offered_support=False,
        young_carer_referral="not_needed",
        adult_carer_referral="not_needed",
    )
    body = _case_page(client, supported_case)
    assert "not asked since the contact" not in body
    assert "Think Family questions last asked" in body


def test_changing_a_meeting_from_the_overview(client, conference, personas):
    client.force_login(personas.caseworker)
    case = conference.case
    assert event_change_url(conference) in client.get(overview_url(case)).content.decode()
    page = client.get(event_change_url(conference)).content.decode()
    assert "Child protection conference" in page
    data = day("occurred_on", conference.occurred_on) | {"attended": "yes", "notes": ""}
    response = client.post(event_change_url(conference), data)
    assert (response.status_code, response["Location"]) == (302, overview_url(case))
    conference.refresh_from_db()
    assert conference.attended is True
