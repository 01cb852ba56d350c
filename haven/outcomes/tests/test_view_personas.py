"""Every outcome page for each persona: team members open them, outsiders and other providers
find nothing, commissioners are refused, signed-out visitors sign in."""

import pytest

from haven.outcomes.tests.helpers import choose_url, history_url, record_url

pytestmark = pytest.mark.django_db


def _pages(case):
    return {"history": history_url(case), "choose": choose_url(case), "record": record_url(case)}


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, outcome_case, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(outcome_case).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, outcome_case, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(outcome_case).items():
        assert client.get(url).status_code == 404, name


def test_a_commissioner_is_refused_everywhere(client, outcome_case, personas):
    client.force_login(personas.commissioner)
    for name, url in _pages(outcome_case).items():
        assert client.get(url).status_code == 403, name


def test_signed_out_visitors_are_sent_to_sign_in(client, outcome_case):
    for name, url in _pages(outcome_case).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]
