"""Legal proceedings in a return: loaded in one query (only when a measure reads them) for the
window's cases, whenever they started, and counted by opcc-dv360's successful prosecutions."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.proceedings.models import Proceeding
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1, cases

pytestmark = pytest.mark.django_db


def _proceeding(case, user, started, outcome="", on=None, kind="criminal_prosecution"):
    return Proceeding.objects.create(
        case=case,
        kind=kind,
        court_type="magistrates",
        started_on=started,
        status="concluded" if outcome else "ongoing",
        outcome=outcome,
        outcome_on=on,
        recorded_by=user,
        recorded_at=datetime(2026, 5, 1, tzinfo=UTC),
    )


def test_proceedings_load_as_facts_with_dates(contract_for, personas):
    contract = contract_for("opcc-dv360")
    (case,) = cases(contract, 1)
    row = _proceeding(case, personas.caseworker, date(2025, 12, 1), "guilty_plea", date(2026, 5, 2))
    (loaded,) = load_facts(contract, Q1.start, Q1.end).proceedings
    assert (loaded.id, loaded.case_id, loaded.kind, loaded.outcome) == (
        row.id,
        case.id,
        "criminal_prosecution",
        "guilty_plea",
    )
    assert (loaded.started_on, loaded.outcome_on) == (date(2025, 12, 1), date(2026, 5, 2))


def test_they_are_read_in_one_query_only_when_wanted(contract_for, personas):
    contract = contract_for("opcc-dv360")
    for case in cases(contract, 3):
        _proceeding(case, personas.caseworker, date(2026, 4, 2))

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"proceedings"})) == queries(frozenset()) + 1


def test_dv360_counts_the_convictions_of_the_quarter(contract_for, personas):
    contract = contract_for("opcc-dv360")
    first, second = cases(contract, 2)
    _proceeding(first, personas.caseworker, date(2026, 1, 5), "found_guilty", date(2026, 5, 5))
    _proceeding(second, personas.caseworker, date(2026, 1, 5), "acquitted", date(2026, 5, 5))
    figure = contract_return(contract, Q1, now=NOW).measure("successful_prosecutions")
    assert figure is not None
    assert figure.value == 1
