"""The referral list: the provider's referrals, declined ones with their reason."""

import pytest
from django.urls import reverse

from haven.referrals.models import Decision
from haven.testing.casework import CaseFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def test_staff_see_their_providers_referrals_with_decline_reasons(client, personas):
    declined = ReferralFactory(
        contract=personas.contract, decision=Decision.DECLINED, decision_reason="Out of area"
    )
    ReferralFactory(contract=personas.other_contract)
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:list"), {"decision": "all"}).content.decode()
    assert declined.person.reference_code in body
    assert "Out of area" in body
    assert "1 referral," in body


def test_the_decision_filter(client, personas):
    ReferralFactory(
        contract=personas.contract, decision=Decision.DECLINED, decision_reason="Out of area"
    )
    client.force_login(personas.caseworker)
    assert (
        "Out of area"
        not in client.get(reverse("referrals:list"), {"decision": "pending"}).content.decode()
    )


def test_a_referral_whose_case_is_in_another_team_is_hidden(client, personas):
    case = CaseFactory(contract=personas.contract, team=personas.other_team)
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:list"), {"decision": "all"}).content.decode()
    assert case.person.reference_code not in body


def test_a_commissioner_is_refused(client, personas):
    client.force_login(personas.commissioner)
    assert client.get(reverse("referrals:list")).status_code == 403
