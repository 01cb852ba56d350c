"""Every safeguarding page for each persona: team members open them, outsiders and other
providers find nothing, commissioners and analysts are refused."""

import pytest

from haven.safeguarding.tests.views_helpers import (
    alert_add_url,
    alert_edit_url,
    child_url,
    event_change_url,
    event_url,
    overview_url,
    think_family_url,
)

pytestmark = pytest.mark.django_db


def _pages(alert, child, event):
    case = alert.case
    return {
        "event_change": event_change_url(event),
        "overview": overview_url(case),
        "child": child_url(case, child),
        "event": event_url(case),
        "alert_add": alert_add_url(case),
        "alert_edit": alert_edit_url(alert),
        "think_family": think_family_url(case),
    }


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, alert, child, conference, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(alert, child, conference).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, alert, child, conference, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in _pages(alert, child, conference).items():
        assert client.get(url).status_code == 404, name


@pytest.mark.parametrize("who", ["commissioner", "analyst"])
def test_a_commissioner_and_an_analyst_are_refused_the_forms(
    client, alert, child, conference, personas, who
):
    client.force_login(getattr(personas, who))
    for name, url in _pages(alert, child, conference).items():
        if name != "overview":
            assert client.get(url).status_code == 403, name


def test_a_commissioner_cannot_open_the_overview(client, alert, personas):
    client.force_login(personas.commissioner)
    assert client.get(overview_url(alert.case)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client, alert, child, conference):
    for name, url in _pages(alert, child, conference).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]
