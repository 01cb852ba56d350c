"""ADR 0008: restricting a person's case restricts the cases of their household members, naming
the staff on the person's restricted cases; a new case for a household member opens restricted;
migration 0006 brings existing data in line."""

import importlib

import pytest
from django.apps import apps

from haven.casework.models import CaseAccess, CaseEvent
from haven.casework.services import case_open_from_referral, case_restriction_set
from haven.testing.casework import CaseFactory, ReferralFactory
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "haven.casework.migrations.0006_restriction_follows_the_household"
)


def named(case):
    return set(CaseAccess.objects.filter(case=case).values_list("user_id", flat=True))


@pytest.fixture
def family(personas):
    """A parent's case in the caseworker's team and their child's own case in another team."""
    parent_case = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    child = HouseholdLinkFactory(
        person=parent_case.person, member__organisation=parent_case.person.organisation
    ).member
    child_case = CaseFactory(
        contract=personas.contract, referral__person=child, allocated_to=personas.outsider
    )
    return parent_case, child_case


def test_restricting_the_parents_case_restricts_the_childs_case(family, personas):
    parent_case, child_case = family
    CaseAccess.objects.create(case=parent_case, user=personas.caseworker)
    case_restriction_set(
        case=parent_case, restricted=True, changed_by=personas.team_leader, reason="Staff relative"
    )
    child_case.refresh_from_db()
    assert child_case.is_restricted
    assert named(child_case) == {
        personas.team_leader.pk,
        personas.caseworker.pk,
        personas.outsider.pk,
    }
    event = CaseEvent.objects.get(case=child_case, kind="restriction")
    assert event.summary == "Restricted to named staff with a case in the household: Staff relative"


def test_restricting_the_childs_case_leaves_the_parent_alone(family, personas):
    parent_case, child_case = family
    case_restriction_set(
        case=child_case, restricted=True, changed_by=personas.team_leader, reason="R"
    )
    parent_case.refresh_from_db()
    assert not parent_case.is_restricted


def test_a_new_case_for_a_household_member_of_a_restricted_person_opens_restricted(
    family, personas
):
    parent_case, child_case = family
    case_restriction_set(
        case=parent_case, restricted=True, changed_by=personas.team_leader, reason="R"
    )
    referral = ReferralFactory(contract=personas.contract, person=child_case.person)
    new = case_open_from_referral(
        referral=referral, opened_by=personas.teammate, allocated_to=personas.teammate
    )
    assert new.is_restricted
    assert {personas.team_leader.pk, personas.teammate.pk} <= named(new)
    assert CaseEvent.objects.filter(
        case=new,
        summary="Opened restricted to named staff: the person, or someone whose household they "
        "are in, has a restricted case",
    ).exists()


def test_migration_restricts_household_members_cases_naming_the_parents_staff(family, personas):
    parent_case, child_case = family
    parent_case.is_restricted = True
    parent_case.save()
    CaseAccess.objects.create(case=parent_case, user=personas.caseworker)
    someone_else = CaseFactory(contract=personas.contract, allocated_to=personas.teammate)

    migration.restrict_with_the_household(apps, None)

    child_case.refresh_from_db()
    someone_else.refresh_from_db()
    assert child_case.is_restricted
    assert not someone_else.is_restricted
    assert named(child_case) == {personas.caseworker.pk, personas.outsider.pk}
    assert CaseEvent.objects.filter(case=child_case, kind="restriction").count() == 1
    assert not CaseEvent.objects.filter(case=someone_else).exists()
