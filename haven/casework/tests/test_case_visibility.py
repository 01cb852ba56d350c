"""`Case.objects.visible_to(user)`: team, allocation, organisation; restricted only to named staff."""

import pytest

from haven.casework.models import Case, CaseAccess
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db


def visible(user):
    return set(Case.objects.visible_to(user))


def test_caseworkers_see_their_teams_cases(team_case, personas):
    assert team_case in visible(personas.caseworker)
    assert team_case in visible(personas.teammate)
    assert team_case in visible(personas.team_leader)


def test_caseworkers_in_another_team_do_not(team_case, personas):
    assert team_case not in visible(personas.outsider)


def test_a_case_allocated_to_someone_in_another_team_is_visible_to_them(personas):
    case = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.outsider
    )
    assert case in visible(personas.outsider)


def test_managers_and_analysts_see_their_organisations_cases(team_case, personas):
    assert team_case in visible(personas.service_manager)
    assert team_case in visible(personas.analyst)


def test_commissioners_other_providers_and_unrelated_roles_see_none(team_case, personas):
    for user in (
        personas.commissioner,
        personas.other_provider_caseworker,
        personas.no_role,
        personas.administrator,
        personas.auditor,
    ):
        assert visible(user) == set()


def test_a_restricted_case_is_visible_only_to_named_staff(team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.teammate)
    assert team_case in visible(personas.teammate)
    assert team_case not in visible(personas.caseworker)
    assert team_case not in visible(personas.service_manager)


def test_named_access_rows_do_not_duplicate_unrestricted_cases(team_case, personas):
    for user in (personas.caseworker, personas.teammate):
        CaseAccess.objects.create(case=team_case, user=user)
    assert Case.objects.visible_to(personas.service_manager).count() == 1


def test_naming_someone_from_another_team_on_a_restricted_case_lets_them_see_it(
    team_case, personas
):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.outsider)
    assert team_case in visible(personas.outsider)


def test_naming_someone_from_another_provider_does_not(team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.other_provider_caseworker)
    assert visible(personas.other_provider_caseworker) == set()
