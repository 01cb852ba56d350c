"""The reason form for a restricted case one is not named on."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(team_case):
    team_case.is_restricted = True
    team_case.save()
    return team_case


def url(case):
    return reverse("casework:break_glass", args=[case.pk])


def test_a_teammate_gives_a_reason_and_is_taken_to_the_case(client, restricted, personas):
    client.force_login(personas.teammate)
    assert client.get(url(restricted)).status_code == 200
    response = client.post(
        url(restricted), {"reason": "She rang the duty line", "next": f"/cases/{restricted.pk}/"}
    )
    assert response.status_code == 302
    assert response.url == f"/cases/{restricted.pk}/"
    assert (
        AuditEvent.objects.get(action=AuditAction.VIEW_RESTRICTED).reason
        == "She rang the duty line"
    )


def test_no_reason_shows_the_error_on_the_field_and_opens_nothing(client, restricted, personas):
    client.force_login(personas.teammate)
    response = client.post(url(restricted), {"reason": ""})
    assert response.status_code == 200
    assert "Enter why you need to open this restricted case" in response.content.decode()
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW_RESTRICTED).exists()


def test_an_outside_next_address_is_ignored(client, restricted, personas):
    client.force_login(personas.teammate)
    response = client.post(url(restricted), {"reason": "Duty", "next": "https://evil.example/"})
    assert response.url == reverse("casework:detail", args=[restricted.pk])


def test_outsider_and_commissioner_cannot_reach_the_form(client, restricted, personas):
    client.force_login(personas.outsider)
    assert client.get(url(restricted)).status_code == 404
    client.force_login(personas.commissioner)
    assert client.get(url(restricted)).status_code == 403


def test_an_unrestricted_case_has_no_reason_form(client, team_case, personas):
    client.force_login(personas.teammate)
    assert client.get(url(team_case)).status_code == 404
