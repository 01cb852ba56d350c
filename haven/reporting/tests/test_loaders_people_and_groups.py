"""The facts loader brings each person's flags, household links and preferred language (seed 001
s6: no recourse to public funds, disability, preferred language; Lot 1 s8: families referred),
in a fixed number of queries however many people there are."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.reporting.loaders import load_facts
from haven.testing.casework import ReferralFactory
from haven.testing.factories import ContractFactory
from haven.testing.people import HouseholdLinkFactory, PersonFlagFactory

pytestmark = pytest.mark.django_db
START = datetime(2026, 3, 31, 23, 0, tzinfo=UTC)  # 2026-Q1 of a financial year, UK local time
END = datetime(2026, 6, 30, 23, 0, tzinfo=UTC)


def _referred(contract, language: str = ""):
    referral = ReferralFactory(contract=contract, received_at=datetime(2026, 5, 1, tzinfo=UTC))
    referral.person.preferred_language = language
    referral.person.save()
    return referral.person


def _queries(contract) -> int:
    with CaptureQueriesContext(connection) as captured:
        load_facts(contract, START, END)
    return len(captured.captured_queries)


def test_seed_001_s6_flags_households_and_preferred_language_are_loaded():
    contract = ContractFactory()
    parent = _referred(contract, language="Urdu")
    flag = PersonFlagFactory(person=parent)
    link = HouseholdLinkFactory(person=parent)
    other = ContractFactory()
    PersonFlagFactory(person=_referred(other))  # another contract's person: not loaded

    facts = load_facts(contract, START, END)

    assert facts.persons[parent.id].preferred_language == "Urdu"
    assert [(f.id, f.kind) for f in facts.flags] == [(flag.id, "nrpf")]
    assert [(h.person_id, h.member_id) for h in facts.households] == [(parent.id, link.member_id)]


def test_seed_001_lot_1_s8_a_referred_childs_siblings_are_loaded_through_their_parent():
    contract = ContractFactory()
    child = _referred(contract)
    to_child = HouseholdLinkFactory(member=child)  # the parent is not referred
    to_sibling = HouseholdLinkFactory(person=to_child.person)  # nor is the sibling
    HouseholdLinkFactory()  # an unrelated household

    facts = load_facts(contract, START, END)

    assert {h.id for h in facts.households} == {to_child.id, to_sibling.id}


def test_seed_001_the_query_count_does_not_grow_with_people():
    contract = ContractFactory()
    for _ in range(2):
        person = _referred(contract)
        PersonFlagFactory(person=person)
        HouseholdLinkFactory(person=person)
    few = _queries(contract)
    for _ in range(5):
        person = _referred(contract)
        PersonFlagFactory(person=person)
        HouseholdLinkFactory(person=person)
    assert _queries(contract) == few
