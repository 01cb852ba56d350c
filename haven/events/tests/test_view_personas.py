"""Every events page for each persona: the provider's caseworkers, team leaders and service
managers see and record; analysts see all but record nothing; commissioners, administrators and
the signed-in with no role are refused; another provider's staff find nothing (issue 16 item 2)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

RECORDERS = ["caseworker", "teammate", "outsider", "team_leader", "service_manager"]


def read_urls(event):
    return [
        reverse("events:index"),
        reverse("events:export"),
        reverse("events:detail", args=[event.pk]),
    ]


def write_urls(event):
    return [
        reverse("events:add"),
        reverse("events:import"),
        reverse("events:edit", args=[event.pk]),
        reverse("events:deliver", args=[event.pk]),
        reverse("events:cancel", args=[event.pk]),
    ]


@pytest.mark.parametrize("who", RECORDERS)
def test_the_providers_staff_open_every_page(client, event, personas, who):
    client.force_login(getattr(personas, who))
    for url in read_urls(event) + write_urls(event):
        assert client.get(url).status_code == 200, url


def test_an_analyst_sees_the_events_but_records_none(client, event, personas):
    client.force_login(personas.analyst)
    for url in read_urls(event):
        assert client.get(url).status_code == 200, url
    for url in write_urls(event):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["commissioner", "administrator", "auditor", "no_role"])
def test_others_are_refused(client, event, personas, who):
    client.force_login(getattr(personas, who))
    for url in read_urls(event) + write_urls(event):
        assert client.get(url).status_code == 403, url


def test_another_providers_caseworker_finds_no_event(client, event, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("events:detail", args=[event.pk])).status_code == 404
    assert client.get(reverse("events:deliver", args=[event.pk])).status_code == 404
    page = client.get(reverse("events:index"))
    assert event.title not in page.content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, event):
    response = client.get(reverse("events:index"))
    assert response.status_code == 302


def test_the_home_page_links_to_the_events(client, personas):
    client.force_login(personas.caseworker)
    assert reverse("events:index") in client.get(reverse("home")).content.decode()
