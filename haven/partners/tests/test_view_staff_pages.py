"""The staff pages: partner organisations (service managers, administrators) and API tokens
(administrators: made and shown once, revoked)."""

import pytest
from django.urls import reverse

from haven.partners.models import ApiToken
from haven.partners.services import api_token_find

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["service_manager", "administrator"])
def test_managers_and_administrators_see_the_organisations(client, personas, police, who):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("partners:organisations"))
    assert response.status_code == 200
    assert police.name in response.content.decode()


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner", "analyst"])
def test_others_are_refused_the_organisations(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("partners:organisations")).status_code == 403


@pytest.mark.parametrize("who", ["caseworker", "service_manager", "commissioner"])
def test_only_administrators_keep_tokens(client, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("partners:tokens")).status_code == 403
    assert client.get(reverse("partners:token_new")).status_code == 403


def test_an_administrator_makes_a_token_shown_once_then_revokes_it(client, personas, police):
    client.force_login(personas.administrator)
    response = client.post(
        reverse("partners:token_new"),
        {"organisation": str(police.pk), "name": "Synthetic police system", "days": "30"},
    )
    assert response.status_code == 302
    token = ApiToken.objects.get()
    shown = client.get(response["Location"]).content.decode()
    raw = shown.split('id="new-token"')[1].split(">")[1].split("<")[0]
    assert api_token_find(raw) == token
    assert client.get(response["Location"]).status_code == 404  # once only
    assert raw not in client.get(reverse("partners:tokens")).content.decode()
    client.post(reverse("partners:token_revoke", args=[token.pk]))
    assert api_token_find(raw) is None
