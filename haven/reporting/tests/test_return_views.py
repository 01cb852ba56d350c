"""The returns index and a contract's return page: who may see them, and the figures they show
(worked out by hand in conftest.py, compared with the engine)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from haven.contracts.models import Contract
from haven.reporting.periods import current_period, parse_period
from haven.reporting.selectors import contract_return
from haven.reporting.tests.conftest import PERIOD, returns_contract
from haven.testing.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def page(scenario, period: str = PERIOD) -> str:
    return reverse("reporting:return", args=[scenario.contract.slug, period])


@pytest.mark.parametrize("who", ["service_manager", "analyst"])
def test_service_managers_and_analysts_see_the_index_and_the_return(client, scenario, who):
    client.force_login(getattr(scenario.personas, who))
    index = client.get(reverse("reporting:index"))
    assert index.status_code == 200
    assert "Returns test service" in index.content.decode()
    assert "Live: this quarter so far" in index.content.decode()
    assert client.get(page(scenario)).status_code == 200


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner", "administrator"])
def test_other_roles_are_refused(client, scenario, who):
    client.force_login(getattr(scenario.personas, who))
    assert client.get(reverse("reporting:index")).status_code == 403
    assert client.get(page(scenario)).status_code == 403


def test_a_manager_of_another_organisation_finds_no_such_contract(client, scenario):
    stranger = UserFactory()
    MembershipFactory(
        user=stranger, role="service_manager", organisation=scenario.personas.other_organisation
    )
    client.force_login(stranger)
    assert client.get(page(scenario)).status_code == 404
    assert "Returns test service" not in client.get(reverse("reporting:index")).content.decode()


def test_a_superuser_sees_every_contract(client, scenario):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(page(scenario)).status_code == 200


def test_the_page_shows_the_engines_figures_by_section_in_the_seeds_order(client, scenario):
    client.force_login(scenario.personas.service_manager)
    html = client.get(page(scenario)).content.decode()
    result = contract_return(scenario.contract, parse_period(PERIOD, "04-01"))
    # worked out by hand: 3 referrals received in April-June 2026; 1 of 2 contacts on time
    assert (result.measure("R1").value, result.measure("P1").value) == (3, 0.5)
    assert html.index(">Demand<") < html.index(">Performance<") < html.index(">Outcomes<")
    r1 = html[html.index(">R1<") :]
    assert '>3<span class="govuk-visually-hidden"> – trend and records behind R1' in r1
    p1 = html[html.index(">P1<") : html.index(">S1<")]
    assert "50.0%" in p1
    assert "1 of 2" in p1
    assert "At least 95.0%" in p1
    assert "Not met" in p1
    s1 = html[html.index(">S1<") :]
    assert "Not recorded yet" in s1
    assert "needs satisfaction surveys" in s1
    assert "Breakdowns of R1" in html
    assert "0 of 1 target met." in html
    assert "High" in r1


def test_the_current_quarter_is_live(client, scenario):
    client.force_login(scenario.personas.service_manager)
    live = current_period(dt.datetime.now(dt.UTC), "quarter", "04-01")
    response = client.get(reverse("reporting:current", args=[scenario.contract.slug]))
    assert response.status_code == 302
    assert response["Location"] == page(scenario, live.code)
    assert "Live: this quarter so far" in client.get(page(scenario, live.code)).content.decode()
    assert "Live: this quarter so far" not in client.get(page(scenario)).content.decode()
    month = current_period(dt.datetime.now(dt.UTC), "month", "04-01")
    assert "Live: this month so far" in client.get(page(scenario, month.code)).content.decode()


def test_the_period_picker_and_previous_next_links(client, scenario):
    client.force_login(scenario.personas.service_manager)
    html = client.get(page(scenario)).content.decode()
    assert page(scenario, "2025-Q4") in html
    assert page(scenario, "2026-Q2") in html
    chosen = client.get(page(scenario), {"period": "2026-04"})
    assert chosen["Location"] == page(scenario, "2026-04")
    assert client.get(page(scenario), {"period": "1999-Q9"}).status_code == 200  # an error


def test_a_date_range_redirects_to_its_return_and_bad_dates_are_errors(client, scenario):
    client.force_login(scenario.personas.service_manager)
    response = client.get(page(scenario), {"from": "2026-05-01", "to": "2026-05-31"})
    assert response["Location"] == page(scenario, "2026-05-01..2026-05-31")
    ranged = client.get(response["Location"])
    assert ranged.status_code == 200
    assert "1 May 2026 to 31 May 2026" in ranged.content.decode()
    for bad in [
        {"from": "2026-05-31", "to": "2026-05-01"},
        {"from": "yesterday", "to": "2026-05-01"},
        {"from": "2026-02-30", "to": ""},
        {"from": "1900-01-01", "to": "2026-01-01"},
    ]:
        response = client.get(page(scenario), bad)
        assert response.status_code == 200, bad
        assert "There is a problem" in response.content.decode()


@pytest.mark.parametrize(
    "period", ["2026-Q5", "hostile-key", "2026-13", "9999-Q1", "2026-05-31..2026-05-01", "x..y"]
)
def test_a_bad_period_is_not_found(client, scenario, period):
    client.force_login(scenario.personas.service_manager)
    assert client.get(page(scenario, period)).status_code == 404


def test_a_contract_without_a_profile_has_no_returns(client, personas):
    client.force_login(personas.service_manager)
    contract: Contract = personas.contract  # a factory contract, not built from a profile
    assert client.get(reverse("reporting:return", args=[contract.slug, PERIOD])).status_code == 404


def test_the_returns_link_is_in_the_navigation_and_on_the_contract_page(client, scenario):
    client.force_login(scenario.personas.service_manager)
    home = client.get(reverse("contracts:detail", args=[scenario.contract.slug])).content.decode()
    assert reverse("reporting:index") in home
    assert reverse("reporting:current", args=[scenario.contract.slug]) in home
    assert f'href="{reverse("reporting:index")}"' in client.get(reverse("home")).content.decode()
    for who in ("caseworker", "team_leader", "commissioner"):
        client.force_login(getattr(scenario.personas, who))
        home = client.get(reverse("home")).content.decode()
        assert f'href="{reverse("reporting:index")}"' not in home


def test_a_second_contract_of_the_organisation_is_listed_too(client, scenario):
    returns_contract(scenario.personas.organisation, slug="returns-second")
    client.force_login(scenario.personas.analyst)
    html = client.get(reverse("reporting:index")).content.decode()
    assert reverse("reporting:current", args=["returns-test"]) in html
    assert reverse("reporting:current", args=["returns-second"]) in html


def test_the_period_picker_starts_at_the_period_shown(client, scenario):
    # seen walking the demo: 2026-Q2's page offered the current quarter in its picker
    client.force_login(scenario.personas.service_manager)
    html = client.get(page(scenario, "2026-Q1")).content.decode()
    assert '<option value="2026-Q1" selected>' in html
    assert html.count(" selected>") == 1
