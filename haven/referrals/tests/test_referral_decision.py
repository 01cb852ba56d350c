"""Accepting opens a case with its deadlines; declining keeps the referral with the reason."""

import pytest

from haven.casework.factories import ReferralFactory
from haven.casework.services import referral_accept
from haven.referrals.models import Decision
from haven.referrals.services import ReferralNotPendingError, referral_decline

pytestmark = pytest.mark.django_db


def test_accepting_opens_a_case_with_the_profile_deadlines(contract_for, personas):
    referral = ReferralFactory(
        contract=contract_for("victim-first-2018"), decision=Decision.PENDING
    )
    case = referral_accept(referral=referral, accepted_by=personas.caseworker, team=personas.team)
    referral.refresh_from_db()
    assert referral.decision == Decision.ACCEPTED
    assert referral.decided_by == personas.caseworker
    assert case.referral == referral
    assert case.team == personas.team
    assert case.tasks.filter(rule_key="first_contact_phone").exists()


def test_declining_keeps_the_referral_with_the_reason(personas):
    referral = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    referral_decline(
        referral=referral, declined_by=personas.caseworker, reason="Already supported by IDVA"
    )
    referral.refresh_from_db()
    assert referral.decision == Decision.DECLINED
    assert referral.decision_reason == "Already supported by IDVA"


def test_a_decided_referral_cannot_be_decided_again(personas):
    referral = ReferralFactory(contract=personas.contract, decision=Decision.DECLINED)
    with pytest.raises(ReferralNotPendingError):
        referral_accept(referral=referral, accepted_by=personas.caseworker)


def test_declining_needs_a_reason(personas):
    referral = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    with pytest.raises(ValueError, match="Enter the reason"):
        referral_decline(referral=referral, declined_by=personas.caseworker, reason="")
