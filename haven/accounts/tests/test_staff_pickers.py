"""Staff pickers offer only active staff of the right team and role (accounts.selectors)."""

import pytest
from django.urls import reverse

from haven.accounts.roles import Role
from haven.accounts.selectors import active_staff_in, staff_for_team
from haven.accounts.services import staff_deactivate
from haven.testing.factories import MembershipFactory, UserFactory


def test_staff_for_team_lists_active_staff_of_that_team_and_role(personas):
    staff_deactivate(user=personas.teammate, deactivated_by=personas.administrator, reason="Left")
    caseworkers = list(staff_for_team(personas.team, [Role.CASEWORKER]))
    assert caseworkers == [personas.caseworker]  # not the deactivated teammate
    assert personas.outsider not in caseworkers  # another team
    assert list(staff_for_team(personas.team, [Role.TEAM_LEADER])) == [personas.team_leader]


def test_active_staff_in_an_organisation_leaves_out_deactivated_accounts(personas):
    leaver = UserFactory(is_active=False)
    MembershipFactory(user=leaver, role=Role.CASEWORKER, organisation=personas.organisation)
    staff = set(active_staff_in([personas.organisation.pk], [Role.CASEWORKER]))
    assert {personas.caseworker, personas.teammate, personas.outsider} <= staff
    assert leaver not in staff
    assert personas.other_provider_caseworker not in staff


@pytest.fixture
def case(personas):
    from haven.testing.casework import CaseFactory

    return CaseFactory(contract=personas.contract, team=personas.team)


def test_allocation_and_named_staff_do_not_offer_deactivated_staff(client, personas, case):
    staff_deactivate(user=personas.teammate, deactivated_by=personas.administrator, reason="Left")
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:allocate", args=[case.pk])).content.decode()
    assert str(personas.caseworker.pk) in page
    assert str(personas.teammate.pk) not in page
    response = client.post(
        reverse("casework:allocate", args=[case.pk]),
        {"allocation": f"{personas.team.pk}:{personas.teammate.pk}"},
    )
    assert response.status_code == 200  # refused: not on the list
    case.refresh_from_db()
    assert case.allocated_to is None
    page = client.get(reverse("casework:restriction", args=[case.pk])).content.decode()
    assert str(personas.teammate.pk) not in page
