"""The page to record a support session: owner and teammate record, outsider 404, other roles
403, GOV.UK errors per field, closed cases take nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.support.models import SupportSession
from haven.support.tests.views_helpers import list_url, record_url, session_data

pytestmark = pytest.mark.django_db


def test_the_form_is_a_post_form_with_a_csrf_token(client, supported_case, personas):
    client.force_login(personas.caseworker)
    response = client.get(record_url(supported_case))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'method="post"' in body
    assert "csrfmiddlewaretoken" in body
    assert "How was the support given?" in body


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_the_owner_and_a_teammate_record_a_session(client, supported_case, personas, who):
    client.force_login(getattr(personas, who))
    data = session_data(mode="court", covered=["specialist_dv_court", "vps_enabled"])
    response = client.post(record_url(supported_case), data)
    assert response.status_code == 302
    assert response["Location"] == list_url(supported_case)
    session = SupportSession.objects.get(case=supported_case)
    assert (session.mode, session.duration_minutes) == ("court", 45)
    assert (session.court_session, session.specialist_dv_court, session.vps_enabled) == (
        True,
        True,
        True,
    )
    assert session.delivered_by == getattr(personas, who)


def test_an_outsider_in_another_team_gets_404(client, supported_case, personas):
    client.force_login(personas.outsider)
    assert client.get(record_url(supported_case)).status_code == 404
    assert client.post(record_url(supported_case), session_data()).status_code == 404
    assert not SupportSession.objects.exists()


def test_a_commissioner_and_an_analyst_are_refused(client, supported_case, personas):
    for user in (personas.commissioner, personas.analyst):
        client.force_login(user)
        assert client.get(record_url(supported_case)).status_code == 403
        assert client.post(record_url(supported_case), session_data()).status_code == 403
    assert not SupportSession.objects.exists()


def test_a_closed_case_sends_back_to_the_sessions(client, supported_case, personas):
    supported_case.state = CaseState.CLOSED
    supported_case.save()
    client.force_login(personas.caseworker)
    response = client.post(record_url(supported_case), session_data())
    assert (response.status_code, response["Location"]) == (302, list_url(supported_case))
    assert not SupportSession.objects.exists()


def test_a_session_in_the_future_is_a_govuk_error(client, supported_case, personas):
    client.force_login(personas.caseworker)
    future = timezone.now() + dt.timedelta(hours=2)
    response = client.post(record_url(supported_case), session_data(future))
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "Date and time of the session must be in the past" in body
    assert not CaseEvent.objects.filter(kind="support_session").exists()


def test_a_session_before_the_case_opened_is_a_govuk_error(client, supported_case, personas):
    client.force_login(personas.caseworker)
    before = supported_case.opened_at - dt.timedelta(days=1)
    body = client.post(record_url(supported_case), session_data(before)).content.decode()
    assert "Date and time of the session must be the same as or after" in body


@pytest.mark.parametrize("minutes", ["0", "721", "forty"])
def test_a_length_outside_the_range_is_a_govuk_error(client, supported_case, personas, minutes):
    client.force_login(personas.caseworker)
    response = client.post(record_url(supported_case), session_data(duration_minutes=minutes))
    body = response.content.decode()
    assert 'href="#id_duration_minutes"' in body
    assert "Length of the session must be" in body
    assert not SupportSession.objects.exists()


def test_a_specialist_court_that_was_not_a_court_session_is_a_govuk_error(
    client, supported_case, personas
):
    client.force_login(personas.caseworker)
    data = session_data(mode="telephone", covered=["specialist_dv_court"])
    body = client.post(record_url(supported_case), data).content.decode()
    assert "A specialist domestic abuse court is a court session" in body
    assert 'href="#id_covered' in body
    assert not SupportSession.objects.exists()


def test_the_form_offers_the_services_staff_with_the_signed_in_user_chosen(
    client, supported_case, personas
):
    client.force_login(personas.caseworker)
    body = client.get(record_url(supported_case)).content.decode()
    assert "Who gave the support?" in body
    assert "Who was the session with?" in body
    assert f'value="{personas.caseworker.pk}" selected' in body
    assert f'value="{personas.teammate.pk}"' in body
    assert f'value="{personas.other_provider_caseworker.pk}"' not in body


def test_a_teammate_delivered_session_with_a_parent_is_recorded(client, supported_case, personas):
    client.force_login(personas.caseworker)
    data = session_data(delivered_by=str(personas.teammate.pk), session_with="parent_carer")
    assert client.post(record_url(supported_case), data).status_code == 302
    session = SupportSession.objects.get(case=supported_case)
    assert (session.delivered_by, session.recorded_by, session.session_with) == (
        personas.teammate,
        personas.caseworker,
        "parent_carer",
    )


def test_an_unknown_deliverer_is_a_govuk_error(client, supported_case, personas):
    client.force_login(personas.caseworker)
    data = session_data(delivered_by=str(personas.other_provider_caseworker.pk))
    body = client.post(record_url(supported_case), data).content.decode()
    assert "govuk-error-summary" in body
    assert not SupportSession.objects.exists()
