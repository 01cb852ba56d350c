"""Quick questions and web chats in the returns: Cornwall's A0 "Number of initial requests for
service" (seed 004 s10 A0) and Victim First's quick questions as their own type (seed 002 s3.6,
s7 "Number and type of referrals")."""

from datetime import UTC, datetime

import pytest

from haven.portal.models import ChatBooking
from haven.portal.services import quick_question_ask
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1
from haven.testing.casework import ReferralFactory

pytestmark = pytest.mark.django_db
MAY = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
LAST_YEAR = datetime(2025, 10, 1, 10, 0, tzinfo=UTC)


def _lone_booking(contract, at, referral=None):
    booking = ChatBooking.objects.create(
        contract=contract,
        referral=referral,
        starts_at=at,
        ends_at=at,
        code_hash=f"{at.timestamp()}{referral is not None}{contract.slug}"[:64],
    )
    ChatBooking.objects.filter(pk=booking.pk).update(created_at=at)
    return booking


def test_seed_004_s10_a0_initial_requests_are_referrals_questions_and_lone_chats(contract_for):
    contract = contract_for("cornwall-mens-refuge-2021")
    referral = ReferralFactory(contract=contract, route="self_referral", received_at=MAY)
    ReferralFactory(contract=contract, route="agency", received_at=MAY)
    ReferralFactory(contract=contract, route="agency", received_at=LAST_YEAR)  # before Q1
    _lone_booking(contract, MAY)
    _lone_booking(contract, MAY.replace(hour=11), referral=referral)  # part of its referral
    from haven.portal.models import QuickQuestion

    QuickQuestion.objects.create(contract=contract, question="Hello?", asked_at=MAY, code_hash="q1")
    QuickQuestion.objects.create(
        contract=contract, question="Old?", asked_at=LAST_YEAR, code_hash="q2"
    )
    a0 = contract_return(contract, Q1, now=NOW).measure("A0")
    assert a0.status == "computed"
    assert a0.value == 4  # 2 referrals + 1 quick question + 1 chat booked on its own


def test_seed_002_s3_6_victim_first_counts_quick_questions_as_their_own_type(contract_for):
    contract = contract_for("victim-first-2018")
    quick_question_ask(contract=contract, question="Can you help me?", now=MAY)
    quick_question_ask(contract=contract, question="Is it free?", now=MAY)
    quick_question_ask(contract=contract, question="Before?", now=LAST_YEAR)
    returned = contract_return(contract, Q1, now=NOW)
    assert returned.measure("quick_questions").value == 2


def test_quick_questions_are_read_only_when_wanted(contract_for):
    contract = contract_for("victim-first-2018")
    facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset())
    with pytest.raises(Exception, match="quick_questions"):
        list(facts.quick_questions)
