"""Every housing page for each persona: the team opens them, outsiders and other providers find
nothing, commissioners and analysts are refused."""

import pytest

from haven.housing.tests.views_helpers import detail_url, entry_url, exit_url, outcome_url

pytestmark = pytest.mark.django_db


def _pages(case):
    return {
        "detail": detail_url(case),
        "entry": entry_url(case),
        "exit": exit_url(case),
        "outcome": outcome_url(case),
    }


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, entry, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(entry.case).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, entry, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(entry.case).items():
        assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("who", ["commissioner", "analyst"])
def test_a_commissioner_and_an_analyst_are_refused_the_forms(client, entry, personas, who):
    client.force_login(getattr(personas, who))
    for name in ("entry", "exit", "outcome"):
        assert client.get(_pages(entry.case)[name]).status_code == 403, name


def test_a_commissioner_cannot_see_the_housing_page(client, entry, personas):
    client.force_login(personas.commissioner)
    assert client.get(detail_url(entry.case)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, entry):
    for name, url in _pages(entry.case).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]
