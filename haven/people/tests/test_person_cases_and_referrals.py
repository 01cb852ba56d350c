"""The person page lists the cases and referrals this user may see and offers a referral."""

import pytest
from django.urls import reverse

from haven.referrals.models import Decision
from haven.testing.casework import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def body(client, user, person):
    client.force_login(user)
    response = client.get(reverse("people:detail", args=[person.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_a_caseworker_sees_the_case_the_referral_and_make_a_referral(client, personas, person):
    referral = ReferralFactory(contract=personas.contract, person=person)
    case = CaseFactory(contract=personas.contract, referral=referral, team=personas.team)
    pending = ReferralFactory(contract=personas.contract, person=person, decision=Decision.PENDING)
    html = body(client, personas.caseworker, person)
    assert reverse("casework:detail", args=[case.pk]) in html
    assert reverse("referrals:detail", args=[pending.pk]) in html
    assert f"{reverse('referrals:choose_contract')}?person={person.pk}" in html


def test_a_case_in_another_team_is_not_listed(client, personas, person):
    referral = ReferralFactory(contract=personas.contract, person=person)
    case = CaseFactory(contract=personas.contract, referral=referral, team=personas.team)
    html = body(client, personas.outsider, person)
    assert reverse("casework:detail", args=[case.pk]) not in html
    assert reverse("referrals:detail", args=[referral.pk]) not in html
    assert "No cases you can open" in html


def test_an_auditor_reads_the_person_without_case_links(client, personas, person):
    referral = ReferralFactory(contract=personas.contract, person=person)
    CaseFactory(contract=personas.contract, referral=referral, team=personas.team)
    html = body(client, personas.auditor, person)
    assert "Make a referral" not in html
