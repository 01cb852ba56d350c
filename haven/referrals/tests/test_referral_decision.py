"""Accepting opens a case with its deadlines; declining keeps the referral with the reason."""

import pytest
from django.core.exceptions import PermissionDenied

from haven.casework.services import referral_accept
from haven.referrals.models import Decision, DeclineCategory
from haven.referrals.services import ReferralNotPendingError, referral_decline
from haven.testing.casework import ReferralFactory

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


def test_declining_keeps_the_referral_with_the_reason_and_its_category(personas):
    # seed 004 s10 A3: declines are counted with their reasons, so a category and the words
    referral = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    referral_decline(
        referral=referral,
        declined_by=personas.caseworker,
        category=DeclineCategory.ALREADY_SUPPORTED,
        reason="Already supported by IDVA",
    )
    referral.refresh_from_db()
    assert referral.decision == Decision.DECLINED
    assert referral.decline_category == DeclineCategory.ALREADY_SUPPORTED
    assert referral.decision_reason == "Already supported by IDVA"


@pytest.mark.parametrize("category", ["", "made_up"])
def test_declining_needs_a_known_reason_category(personas, category):
    # seed 004 s10 A3: a decline without a category could not be counted by reason
    referral = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    with pytest.raises(ValueError, match="Select why the referral is declined"):
        referral_decline(
            referral=referral, declined_by=personas.caseworker, category=category, reason="Why"
        )
    referral.refresh_from_db()
    assert referral.decision == Decision.PENDING


def test_a_decided_referral_cannot_be_decided_again(personas):
    referral = ReferralFactory(contract=personas.contract, decision=Decision.DECLINED)
    with pytest.raises(ReferralNotPendingError):
        referral_accept(referral=referral, accepted_by=personas.caseworker)


def test_declining_needs_a_reason(personas):
    referral = ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    with pytest.raises(ValueError, match="Enter the reason"):
        referral_decline(
            referral=referral,
            declined_by=personas.caseworker,
            category=DeclineCategory.OTHER,
            reason="",
        )


@pytest.mark.parametrize("who", ["analyst", "other_provider_caseworker", "auditor"])
def test_the_service_refuses_a_decision_by_staff_who_may_not_decide(contract_for, personas, who):
    referral = ReferralFactory(
        contract=contract_for("victim-first-2018"), decision=Decision.PENDING
    )
    user = getattr(personas, who)
    assert not user.has_perm("referrals.decide_referral", referral)
    with pytest.raises(PermissionDenied):
        referral_accept(referral=referral, accepted_by=user)
    with pytest.raises(PermissionDenied):
        referral_decline(
            referral=referral, declined_by=user, category=DeclineCategory.OTHER, reason="Synthetic"
        )
    referral.refresh_from_db()
    assert referral.decision == Decision.PENDING
    assert not hasattr(referral, "case")


def test_the_system_decides_as_itself(contract_for, personas):
    # the workbook import run from the command line accepts as the system (no user)
    referral = ReferralFactory(
        contract=contract_for("victim-first-2018"), decision=Decision.PENDING
    )
    referral_accept(referral=referral, accepted_by=None)
    referral.refresh_from_db()
    assert referral.decision == Decision.ACCEPTED


def test_no_decision_on_a_contract_that_has_ended(contract_for, personas):
    contract = contract_for("victim-first-2018")
    contract.is_active = False
    contract.save()
    referral = ReferralFactory(contract=contract, decision=Decision.PENDING)
    assert not personas.caseworker.has_perm("referrals.decide_referral", referral)
