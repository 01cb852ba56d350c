"""A restriction protects the person: restricting one case restricts their other cases, and a new
case for them opens restricted. Each worker on the person's cases stays named, so work goes on."""

import pytest
from markupsafe import escape

from haven.casework.models import CaseAccess, CaseEvent
from haven.casework.services import case_open_from_referral, case_restriction_set
from haven.core.models import AuditEvent
from haven.testing.casework import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def named(case):
    return set(CaseAccess.objects.filter(case=case).values_list("user_id", flat=True))


@pytest.fixture
def two_cases(personas):
    """One person with a case in the caseworker's team and one in another team."""
    mine = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    theirs = CaseFactory(
        contract=personas.contract, person=mine.person, allocated_to=personas.outsider
    )
    return mine, theirs


def test_restricting_one_case_restricts_the_persons_other_cases(two_cases, personas):
    mine, theirs = two_cases
    case_restriction_set(
        case=mine, restricted=True, changed_by=personas.team_leader, reason="Staff relative"
    )
    theirs.refresh_from_db()
    assert theirs.is_restricted
    assert named(theirs) == {personas.team_leader.pk, personas.outsider.pk}
    event = CaseEvent.objects.get(case=theirs, kind="restriction")
    assert event.summary == (
        "Restricted to named staff with the person's other case: Staff relative"
    )
    audit = AuditEvent.objects.get(object_id=str(theirs.pk), reason="Staff relative")
    assert audit.changes == {"is_restricted": [False, True]}


def test_the_other_team_no_longer_sees_the_person_unless_named(two_cases, personas, client):
    mine, theirs = two_cases
    other_worker = personas.outsider
    case_restriction_set(
        case=mine, restricted=True, changed_by=personas.team_leader, reason="Staff relative"
    )
    CaseAccess.objects.filter(case=theirs, user=other_worker).delete()
    client.force_login(other_worker)
    response = client.get(f"/cases/{theirs.pk}/")
    assert response.status_code in {302, 404}
    assert escape(mine.person.family_name) not in response.content.decode()


def test_lifting_a_restriction_lifts_it_from_that_case_only(two_cases, personas):
    mine, theirs = two_cases
    case_restriction_set(case=mine, restricted=True, changed_by=personas.team_leader, reason="R")
    case_restriction_set(case=mine, restricted=False, changed_by=personas.team_leader, reason="R")
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.is_restricted, theirs.is_restricted) == (False, True)


def test_a_new_case_for_a_restricted_person_opens_restricted(two_cases, personas):
    mine, _ = two_cases
    case_restriction_set(case=mine, restricted=True, changed_by=personas.team_leader, reason="R")
    referral = ReferralFactory(contract=personas.contract, person=mine.person)
    new = case_open_from_referral(
        referral=referral, opened_by=personas.teammate, allocated_to=personas.teammate
    )
    assert new.is_restricted
    # everyone named on the person's restricted cases, the one opening it, the allocated worker
    assert named(new) == {
        personas.team_leader.pk,
        personas.caseworker.pk,
        personas.outsider.pk,
        personas.teammate.pk,
    }
    assert CaseEvent.objects.filter(
        case=new,
        kind="restriction",
        summary=(
            "Opened restricted to named staff: the person, or someone whose household they are "
            "in, has a restricted case"
        ),
    ).exists()
    opened = AuditEvent.objects.get(object_id=str(new.pk), action="create")
    assert opened.changes["is_restricted"] == [None, True]


def test_a_new_case_for_anyone_else_opens_unrestricted(personas):
    referral = ReferralFactory(contract=personas.contract)
    case = case_open_from_referral(referral=referral, opened_by=personas.caseworker)
    assert not case.is_restricted
    assert not CaseAccess.objects.filter(case=case).exists()
