"""Role access: who may see the audit trail, contracts and administration."""

import pytest
from django.urls import reverse

AUDIT_ALLOWED = ["team_leader", "service_manager", "auditor"]
AUDIT_REFUSED = ["caseworker", "analyst", "commissioner", "administrator", "no_role"]


@pytest.mark.parametrize("persona", AUDIT_ALLOWED)
def test_managers_and_auditors_can_read_the_audit_trail(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("audit:list")).status_code == 200


@pytest.mark.parametrize("persona", AUDIT_REFUSED)
def test_others_cannot_read_the_audit_trail(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse("audit:list")).status_code == 403


def test_provider_staff_see_only_their_organisations_contracts(client, personas):
    client.force_login(personas.caseworker)
    page = client.get(reverse("contracts:list")).content.decode()
    assert personas.contract.name in page
    assert personas.other_contract.name not in page


def test_commissioner_sees_only_the_contracts_they_commission(client, personas):
    client.force_login(personas.commissioner)
    page = client.get(reverse("contracts:list")).content.decode()
    assert personas.contract.name in page
    assert personas.other_contract.name not in page


def test_another_providers_contract_is_not_found_rather_than_forbidden(client, personas):
    client.force_login(personas.caseworker)
    response = client.get(reverse("contracts:detail", args=[personas.other_contract.slug]))
    assert response.status_code == 404


def test_user_without_a_role_cannot_list_contracts(client, personas):
    client.force_login(personas.no_role)
    assert client.get(reverse("contracts:list")).status_code == 403


@pytest.mark.parametrize("persona", ["caseworker", "team_leader", "commissioner", "auditor"])
def test_non_administrators_cannot_reach_administration(client, personas, persona):
    client.force_login(getattr(personas, persona))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_home_page_lists_the_users_roles(client, personas):
    client.force_login(personas.team_leader)
    page = client.get(reverse("home")).content.decode()
    assert "Team leader" in page
    assert personas.team.name in page
