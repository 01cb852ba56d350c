"""The housing pages: the case page section on Safe Home cases only, recording the housing at
entry and exit and a Safe Home outcome (seed 001 Lot 2 s8, s14), GOV.UK errors, closed cases."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseState
from haven.housing.models import HousingSituation, SafeHomeOutcome
from haven.housing.tests.views_helpers import (
    day,
    detail_url,
    entry_data,
    entry_url,
    exit_data,
    exit_url,
    outcome_data,
    outcome_url,
)

pytestmark = pytest.mark.django_db


def _case_page(client, case):
    return client.get(reverse("casework:detail", args=[case.pk])).content.decode()


def test_the_case_page_of_a_safe_home_case_has_the_section_and_links(
    client, safehome_case, personas
):
    client.force_login(personas.caseworker)
    body = _case_page(client, safehome_case)
    assert 'id="housing"' in body
    assert entry_url(safehome_case) in body
    assert outcome_url(safehome_case) in body
    assert exit_url(safehome_case) not in body  # entry first


def test_a_case_on_a_contract_without_accommodation_has_no_housing_section(
    client, team_case, personas
):
    client.force_login(personas.caseworker)
    body = _case_page(client, team_case)
    assert 'id="housing"' not in body
    assert entry_url(team_case) not in body


def test_the_team_records_the_housing_at_entry(client, safehome_case, personas):
    client.force_login(personas.teammate)
    left = timezone.localdate() - dt.timedelta(days=45)
    response = client.post(entry_url(safehome_case), entry_data(**day("left_home_on", left)))
    assert (response.status_code, response["Location"]) == (302, detail_url(safehome_case))
    situation = HousingSituation.objects.get(case=safehome_case)
    assert (situation.entry_tenure, situation.left_home_on) == ("refuge", left)
    assert situation.entry_recorded_by == personas.teammate


def test_the_exit_page_before_the_entry_sends_to_the_entry(client, safehome_case, personas):
    client.force_login(personas.caseworker)
    response = client.get(exit_url(safehome_case))
    assert (response.status_code, response["Location"]) == (302, entry_url(safehome_case))


def test_seed_001_lot2_s14_the_housing_at_exit(client, entry, personas):
    client.force_login(personas.caseworker)
    response = client.post(exit_url(entry.case), exit_data())
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.exit_tenure, entry.exit_destination) == (
        "social_rented_council",
        "new_settled_home",
    )
    body = client.get(detail_url(entry.case)).content.decode()
    assert "Social rented: council" in body
    assert "Moved to a new settled home" in body


def test_a_move_without_its_date_is_a_govuk_error(client, entry, personas):
    client.force_login(personas.caseworker)
    data = exit_data() | day("settled_on", None)
    body = client.post(exit_url(entry.case), data).content.decode()
    assert "govuk-error-summary" in body
    assert "Enter the date they moved into their new home" in body


def test_seed_001_lot2_s8_a_safe_home_outcome_is_recorded_and_listed(
    client, safehome_case, personas
):
    client.force_login(personas.caseworker)
    response = client.post(outcome_url(safehome_case), outcome_data())
    assert (response.status_code, response["Location"]) == (302, detail_url(safehome_case))
    assert SafeHomeOutcome.objects.get(case=safehome_case).kind == "sanctuary"
    assert "Sanctuary measures fitted" in _case_page(client, safehome_case)


def test_other_without_detail_and_a_date_before_the_case_are_govuk_errors(
    client, safehome_case, personas
):
    client.force_login(personas.caseworker)
    before = timezone.localdate(safehome_case.opened_at) - dt.timedelta(days=1)
    body = client.post(
        outcome_url(safehome_case), outcome_data(before, kind="other")
    ).content.decode()
    assert "govuk-error-summary" in body
    assert "Enter the detail of the other housing solution" in body
    assert "Date achieved must be the same as or after" in body
    assert not SafeHomeOutcome.objects.exists()


def test_a_closed_case_shows_without_links_and_refuses_the_forms(client, entry, personas):
    entry.case.state = CaseState.CLOSED
    entry.case.save()
    client.force_login(personas.caseworker)
    body = client.get(detail_url(entry.case)).content.decode()
    assert "Refuge" in body
    assert outcome_url(entry.case) not in body
    response = client.post(outcome_url(entry.case), outcome_data())
    assert (response.status_code, response["Location"]) == (302, detail_url(entry.case))
    assert not SafeHomeOutcome.objects.exists()
