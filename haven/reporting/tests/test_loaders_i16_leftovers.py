"""Issue 16's leftovers in the loaded facts: the type of disability and immigration status on
each person (seed 004 appendix 1 E10-E13, seed 001 s6), and the incidents of the cases closed in
the window (seed 001 Lot 4 s8), read in one query only when a measure needs them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.marac.models import Incident
from haven.people.models import EqualityData
from haven.reporting.loaders import load_facts
from haven.reporting.tests.test_loaders import MAY, Q1, cases

pytestmark = pytest.mark.django_db


def test_seed_004_e10_and_seed_001_s6_each_person_carries_types_and_status(contract_for):
    contract = contract_for("cornwall-mens-refuge-2021")
    first, second = cases(contract, 2)
    EqualityData.objects.update_or_create(
        person=first.person,
        defaults={
            "disability": "yes",
            "disability_visual": True,
            "disability_learning": True,
            "immigration_status": "asylum_seeker",
        },
    )
    EqualityData.objects.filter(person=second.person).delete()  # no equality record at all
    facts = load_facts(contract, Q1.start, Q1.end)
    loaded = facts.persons[first.person_id]
    assert loaded.disability_types == ("visual", "learning")
    assert loaded.immigration_status == "asylum_seeker"
    bare = facts.persons[second.person_id]
    assert (bare.disability_types, bare.immigration_status, bare.disability) == ((), "", "")


def test_seed_001_lot_4_s8_incidents_of_the_closed_cases_whenever_they_occurred(
    contract_for, personas
):
    contract = contract_for("leicester-perpetrator-2012")
    closed, still_open = cases(contract, 2)
    closed.closed_at = datetime(2026, 6, 1, tzinfo=UTC)
    closed.save()
    old = Incident.objects.create(
        case=closed,
        occurred_on=date(2025, 12, 1),
        summary="Earlier incident",
        recorded_by=personas.caseworker,
        recorded_at=MAY,
    )
    Incident.objects.create(
        case=still_open,
        occurred_on=date(2026, 5, 10),
        summary="Open case",
        recorded_by=personas.caseworker,
        recorded_at=MAY,
    )

    def load(needs):
        with CaptureQueriesContext(connection) as captured:
            facts = load_facts(contract, Q1.start, Q1.end, needs=needs)
        return facts, len(captured)

    facts, with_history = load(frozenset({"incident_history"}))
    assert [i.id for i in facts.closed_case_incidents] == [old.id]
    _, without = load(frozenset())
    assert with_history == without + 1
