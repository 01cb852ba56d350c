"""Every MARAC page for each persona: the case's team opens the case pages, outsiders and other
providers find nothing; meetings open to team leaders and service managers only."""

import pytest

from haven.marac.tests.views_helpers import case_pages, heard, meeting_pages

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_case_page(client, referral, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in case_pages(referral).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_no_case_page(client, referral, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in case_pages(referral).items():
        assert client.get(url).status_code == 404, name


def test_a_commissioner_is_refused_the_case_pages(client, referral, personas):
    client.force_login(personas.commissioner)
    for name, url in case_pages(referral).items():
        assert client.get(url).status_code == 403, name


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_team_leaders_and_managers_open_every_meeting_page(client, referral, personas, who):
    client.force_login(getattr(personas, who))
    for name, url in meeting_pages(*heard(referral, personas)).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize(
    "who", ["caseworker", "analyst", "commissioner", "other_provider_caseworker"]
)
def test_others_are_refused_the_meeting_pages(client, referral, personas, who):
    pages = meeting_pages(*heard(referral, personas))
    client.force_login(getattr(personas, who))
    for name, url in pages.items():
        assert client.get(url).status_code == 403, name


def test_signed_out_visitors_are_sent_to_sign_in(client, referral, personas):
    pages = case_pages(referral) | meeting_pages(*heard(referral, personas))
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]


def test_the_navigation_links_meetings_for_team_leaders_only(client, personas):
    client.force_login(personas.team_leader)
    assert "MARAC meetings" in client.get("/").content.decode()
    client.force_login(personas.caseworker)
    assert "MARAC meetings" not in client.get("/").content.decode()
