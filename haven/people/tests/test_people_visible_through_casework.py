"""Person.objects.visible_to widens to people with a case or referral in the user's scope.

A person recorded by another provider becomes visible to staff who hold a referral for them
(waiting or declined) in their organisation's contract, or a case they may see; the case's
team scope and restriction apply exactly as in `Case.objects.visible_to`.
"""

import pytest

from haven.casework.models import CaseAccess
from haven.people.models import Person
from haven.referrals.models import Decision
from haven.testing.casework import CaseFactory, ReferralFactory
from haven.testing.people import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def elsewhere(personas):
    """Someone recorded by another provider, unknown to the personas' organisation."""
    return PersonFactory(organisation=personas.other_organisation)


def visible(user, person):
    return Person.objects.visible_to(user).filter(pk=person.pk).exists()


def test_a_pending_referral_makes_the_person_visible_to_the_receiving_organisation(
    personas, elsewhere
):
    ReferralFactory(contract=personas.contract, person=elsewhere, decision=Decision.PENDING)
    for user in (personas.caseworker, personas.outsider, personas.service_manager):
        assert visible(user, elsewhere)
    assert not visible(personas.commissioner, elsewhere)
    assert not visible(personas.no_role, elsewhere)


def test_a_declined_referral_is_kept_and_still_shows_the_person(personas, elsewhere):
    ReferralFactory(contract=personas.contract, person=elsewhere, decision=Decision.DECLINED)
    assert visible(personas.caseworker, elsewhere)


def test_only_the_provider_receiving_the_referral_sees_the_person(personas):
    referred = PersonFactory(organisation=personas.organisation)
    ReferralFactory(contract=personas.other_contract, person=referred, decision=Decision.PENDING)
    not_referred = PersonFactory(organisation=personas.organisation)
    assert visible(personas.other_provider_caseworker, referred)
    assert not visible(personas.other_provider_caseworker, not_referred)


def test_a_case_shows_the_person_only_to_staff_who_may_see_the_case(personas, elsewhere):
    referral = ReferralFactory(contract=personas.contract, person=elsewhere)
    CaseFactory(contract=personas.contract, referral=referral, team=personas.team)
    assert visible(personas.caseworker, elsewhere)
    assert visible(personas.team_leader, elsewhere)
    assert visible(personas.service_manager, elsewhere)
    # consistent with Case.objects.visible_to: another team's caseworker does not see the case
    assert not visible(personas.outsider, elsewhere)
    assert not visible(personas.commissioner, elsewhere)


def test_a_restricted_case_shows_the_person_only_to_named_staff(personas, elsewhere):
    referral = ReferralFactory(contract=personas.contract, person=elsewhere)
    case = CaseFactory(
        contract=personas.contract, referral=referral, team=personas.team, is_restricted=True
    )
    CaseAccess.objects.create(case=case, user=personas.caseworker)
    assert visible(personas.caseworker, elsewhere)
    assert not visible(personas.teammate, elsewhere)


def test_people_recorded_in_the_organisation_stay_visible(personas, person):
    assert visible(personas.outsider, person)
