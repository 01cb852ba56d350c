"""The proceedings pages: the list and case page section, recording a proceeding and its
outcome, GOV.UK errors that keep what was typed, closed cases."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseState
from haven.proceedings.models import Proceeding
from haven.proceedings.tests.views_helpers import (
    add_url,
    list_url,
    outcome_data,
    outcome_url,
    proceeding_data,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_the_team_records_a_proceeding(client, supported_case, personas, who):
    client.force_login(getattr(personas, who))
    data = proceeding_data(court_name="Synthetic Family Court", specialist_dv_court="yes")
    response = client.post(add_url(supported_case), data)
    assert (response.status_code, response["Location"]) == (302, list_url(supported_case))
    proceeding = Proceeding.objects.get(case=supported_case)
    assert (proceeding.kind, proceeding.court_type, proceeding.specialist_dv_court) == (
        "non_molestation_order",
        "family",
        True,
    )
    assert proceeding.recorded_by == getattr(personas, who)


def test_a_start_in_the_future_is_a_govuk_error_keeping_what_was_typed(
    client, supported_case, personas
):
    client.force_login(personas.caseworker)
    future = timezone.localdate() + dt.timedelta(days=3)
    data = proceeding_data(future, court_name="Synthetic Court Typed")
    body = client.post(add_url(supported_case), data).content.decode()
    assert "govuk-error-summary" in body
    assert 'href="#id_started_on' in body
    assert "Synthetic Court Typed" in body
    assert not Proceeding.objects.exists()


def test_a_missing_kind_is_a_govuk_error(client, supported_case, personas):
    client.force_login(personas.caseworker)
    body = client.post(add_url(supported_case), proceeding_data(kind="")).content.decode()
    assert "Select the kind of proceeding" in body


def test_the_list_shows_the_proceeding_and_the_outcome_link(client, prosecution, personas):
    client.force_login(personas.caseworker)
    body = client.get(list_url(prosecution.case)).content.decode()
    assert "Criminal prosecution" in body
    assert "Synthetic Magistrates&#39; Court" in body
    assert outcome_url(prosecution) in body


def test_the_outcome_page_offers_only_the_kinds_outcomes(client, prosecution, personas):
    client.force_login(personas.caseworker)
    body = client.get(outcome_url(prosecution)).content.decode()
    assert "Convicted: guilty plea" in body
    assert "Order granted or made" not in body


def test_recording_a_conviction_concludes_it(client, prosecution, personas):
    client.force_login(personas.caseworker)
    response = client.post(outcome_url(prosecution), outcome_data(outcome="found_guilty"))
    assert response.status_code == 302
    prosecution.refresh_from_db()
    assert (prosecution.status, prosecution.outcome) == ("concluded", "found_guilty")
    body = client.get(list_url(prosecution.case)).content.decode()
    assert outcome_url(prosecution) not in body
    # a second outcome is sent back to the list
    again = client.post(outcome_url(prosecution), outcome_data(outcome="acquitted"))
    assert (again.status_code, again["Location"]) == (302, list_url(prosecution.case))
    prosecution.refresh_from_db()
    assert prosecution.outcome == "found_guilty"


def test_an_outcome_before_the_start_is_a_govuk_error(client, prosecution, personas):
    client.force_login(personas.caseworker)
    before = prosecution.started_on - dt.timedelta(days=1)
    body = client.post(
        outcome_url(prosecution), outcome_data(before, outcome="acquitted")
    ).content.decode()
    assert "govuk-error-summary" in body
    assert "Date of the outcome must be the same as or after" in body


def test_another_cases_proceeding_is_not_found(client, prosecution, personas, open_case):
    client.force_login(personas.caseworker)
    other = open_case()
    url = reverse("proceedings:outcome", args=[other.pk, prosecution.pk])
    assert client.get(url).status_code == 404


def test_a_closed_case_lists_without_links_and_refuses_the_forms(client, prosecution, personas):
    prosecution.case.state = CaseState.CLOSED
    prosecution.case.save()
    client.force_login(personas.caseworker)
    body = client.get(list_url(prosecution.case)).content.decode()
    assert "Criminal prosecution" in body
    assert add_url(prosecution.case) not in body
    assert outcome_url(prosecution) not in body
    response = client.post(add_url(prosecution.case), proceeding_data())
    assert (response.status_code, response["Location"]) == (302, list_url(prosecution.case))
    assert Proceeding.objects.count() == 1


def test_the_case_page_has_the_section_and_links(client, prosecution, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[prosecution.case.pk])).content.decode()
    assert 'id="legal-proceedings"' in body
    assert "Criminal prosecution" in body
    assert add_url(prosecution.case) in body
    assert list_url(prosecution.case) in body


def test_the_case_page_links_to_record_one_before_any(client, supported_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[supported_case.pk])).content.decode()
    assert 'id="legal-proceedings"' not in body
    assert add_url(supported_case) in body
