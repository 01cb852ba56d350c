"""Every proceedings page for each persona: team members open them, outsiders and other
providers find nothing, commissioners and analysts are refused."""

import pytest

from haven.proceedings.tests.views_helpers import add_url, list_url, outcome_url

pytestmark = pytest.mark.django_db


def _pages(proceeding):
    case = proceeding.case
    return {"list": list_url(case), "add": add_url(case), "outcome": outcome_url(proceeding)}


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, prosecution, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(prosecution).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, prosecution, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(prosecution).items():
        assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("who", ["commissioner", "analyst"])
def test_a_commissioner_and_an_analyst_are_refused_the_forms(client, prosecution, personas, who):
    client.force_login(getattr(personas, who))
    for name in ("add", "outcome"):
        assert client.get(_pages(prosecution)[name]).status_code == 403, name


def test_a_commissioner_cannot_list_the_proceedings(client, prosecution, personas):
    client.force_login(personas.commissioner)
    assert client.get(list_url(prosecution.case)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, prosecution):
    for name, url in _pages(prosecution).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]
