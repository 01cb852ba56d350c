"""Housing in a return (issue 13): the housing situations and Safe Home outcomes of the window's
cases load in two queries (only when a measure reads them), and leicester-safehome-2012 counts
them (seed 001 Lot 2 s8, s14)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.housing.models import HousingSituation, SafeHomeOutcome
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1, cases

pytestmark = pytest.mark.django_db
RECORDED = datetime(2026, 5, 1, tzinfo=UTC)


def _outcome(case, user, kind, on):
    return SafeHomeOutcome.objects.create(
        case=case, kind=kind, achieved_on=on, recorded_by=user, recorded_at=RECORDED
    )


def test_housing_loads_as_facts_with_dates(contract_for, personas):
    contract = contract_for("leicester-safehome-2012")
    (case,) = cases(contract, 1)
    situation = HousingSituation.objects.create(
        case=case,
        entry_tenure="refuge",
        left_home_on=date(2026, 3, 1),
        entry_recorded_by=personas.caseworker,
        entry_recorded_at=RECORDED,
    )
    row = _outcome(case, personas.caseworker, "housing_transfer", date(2026, 5, 2))
    facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset({"housing"}))
    (loaded,) = facts.housing_situations
    assert (loaded.id, loaded.case_id, loaded.entry_tenure, loaded.left_home_on) == (
        situation.id,
        case.id,
        "refuge",
        date(2026, 3, 1),
    )
    (outcome,) = facts.safe_home_outcomes
    assert (outcome.id, outcome.kind, outcome.achieved_on) == (
        row.id,
        "housing_transfer",
        date(2026, 5, 2),
    )


def test_they_are_read_in_two_queries_only_when_wanted(contract_for, personas):
    contract = contract_for("leicester-safehome-2012")
    for case in cases(contract, 3):
        _outcome(case, personas.caseworker, "sanctuary", date(2026, 5, 2))

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"housing"})) == queries(frozenset()) + 2


def test_safehome_counts_the_housing_transfers_of_the_quarter(contract_for, personas):
    contract = contract_for("leicester-safehome-2012")
    first, second = cases(contract, 2)
    _outcome(first, personas.caseworker, "housing_transfer", date(2026, 5, 5))
    _outcome(second, personas.caseworker, "housing_transfer", date(2026, 3, 5))
    _outcome(second, personas.caseworker, "sanctuary", date(2026, 5, 5))
    built = contract_return(contract, Q1, now=NOW)
    transfers = built.measure("housing_transfers")
    interventions = built.measure("interventions")
    assert transfers is not None
    assert interventions is not None
    assert (transfers.value, interventions.value) == (1, 2)
