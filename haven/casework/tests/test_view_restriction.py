"""Restrict or unrestrict a case and manage its named staff."""

import pytest
from django.urls import reverse

from haven.casework.models import CaseAccess
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:restriction", args=[case.pk])


def test_restricting_names_the_leader_and_the_allocated_worker(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        url(team_case),
        {"action": "restriction", "restricted": "yes", "reason": "Staff member's relative"},
    )
    assert response.status_code == 302
    team_case.refresh_from_db()
    assert team_case.is_restricted
    assert set(CaseAccess.objects.values_list("user", flat=True)) == {
        personas.team_leader.pk,
        personas.caseworker.pk,
    }


def test_a_reason_is_required(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        url(team_case), {"action": "restriction", "restricted": "yes", "reason": ""}
    )
    assert "Enter the reason" in response.content.decode()
    team_case.refresh_from_db()
    assert not team_case.is_restricted


def test_adding_and_removing_named_staff(client, team_case, personas):
    client.force_login(personas.team_leader)
    client.post(url(team_case), {"action": "add", "user": personas.teammate.pk})
    assert CaseAccess.objects.filter(case=team_case, user=personas.teammate).exists()
    client.post(url(team_case), {"action": "remove", "user": personas.teammate.pk})
    assert not CaseAccess.objects.filter(case=team_case, user=personas.teammate).exists()


def test_personas(client, team_case, personas):
    for user, status in (
        (personas.service_manager, 200),
        (personas.caseworker, 403),
        (personas.outsider, 404),
        (personas.commissioner, 403),
    ):
        client.force_login(user)
        assert client.get(url(team_case)).status_code == status, user


def test_a_named_leader_manages_a_restricted_case(client, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.team_leader)
    client.force_login(personas.team_leader)
    assert client.get(url(team_case)).status_code == 200


def test_the_form_says_the_persons_other_cases_are_restricted_too(client, team_case, personas):
    other = CaseFactory(contract=personas.contract, person=team_case.person)
    client.force_login(personas.team_leader)
    page = client.get(url(team_case)).content.decode()
    assert "also restricts the person’s 1 other case:" in page
    client.post(url(team_case), {"action": "restriction", "restricted": "yes", "reason": "Why"})
    other.refresh_from_db()
    assert other.is_restricted
    assert "also restricts" not in client.get(url(team_case)).content.decode()


def test_removing_oneself_from_a_restricted_case_lands_on_the_worklist(client, team_case, personas):
    client.force_login(personas.team_leader)
    client.post(
        url(team_case), {"action": "restriction", "restricted": "yes", "reason": "Synthetic"}
    )
    response = client.post(url(team_case), {"action": "remove", "user": personas.team_leader.pk})
    assert response.url == reverse("casework:worklist")
    assert not CaseAccess.objects.filter(case=team_case, user=personas.team_leader).exists()
    assert "no longer one you can open" in client.get(response.url).content.decode()
