"""Allocate page: team leaders and managers allocate to a worker and team."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:allocate", args=[case.pk])


def test_a_team_leader_allocates_to_a_teammate(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        url(team_case), {"allocated_to": personas.teammate.pk, "team": personas.team.pk}
    )
    assert response.status_code == 302
    team_case.refresh_from_db()
    assert team_case.allocated_to == personas.teammate
    assert team_case.events.filter(kind="allocated").exists()


def test_staff_of_another_provider_cannot_be_chosen(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(url(team_case), {"allocated_to": personas.other_provider_caseworker.pk})
    assert response.status_code == 200
    team_case.refresh_from_db()
    assert team_case.allocated_to == personas.caseworker


def test_personas(client, team_case, personas):
    for user, status in (
        (personas.service_manager, 200),
        (personas.caseworker, 403),
        (personas.outsider, 404),
        (personas.commissioner, 403),
    ):
        client.force_login(user)
        assert client.get(url(team_case)).status_code == status, user
