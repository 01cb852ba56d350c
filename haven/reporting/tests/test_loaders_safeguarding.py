"""Safeguarding in a return (issue 12): child records, referrals and meetings and adults alerts
of the window's cases load in one query each, only when a measure reads them, with their dates
as dates; Cornwall's SA1 (seed 004 s10) counts the quarter's alerts end to end."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1, cases
from haven.safeguarding.models import ChildRecord, SafeguardingAlert, SafeguardingEvent
from haven.testing.people import ChildFactory

pytestmark = pytest.mark.django_db
RECORDED = datetime(2026, 5, 1, tzinfo=UTC)


def _alert(case, user, raised, **fields):
    return SafeguardingAlert.objects.create(
        case=case,
        raised_on=raised,
        concern="Synthetic",
        recorded_by=user,
        recorded_at=RECORDED,
        **fields,
    )


def test_safeguarding_loads_as_facts_with_dates(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    (case,) = cases(contract, 1)
    user = personas.caseworker
    child = ChildFactory(organisation=case.person.organisation)
    ChildRecord.objects.create(
        case=case,
        child=child,
        cp_plan_started_on=date(2025, 11, 1),
        cin_started_on=date(2026, 4, 2),
        recorded_by=user,
        recorded_at=RECORDED,
    )
    SafeguardingEvent.objects.create(
        case=case,
        child=child,
        kind="cp_conference",
        occurred_on=date(2026, 4, 3),
        attended=True,
        recorded_by=user,
        recorded_at=RECORDED,
    )
    _alert(
        case, user, date(2026, 4, 4), referred_on=date(2026, 4, 5), harm_relationship="ex_partner"
    )
    facts = load_facts(contract, Q1.start, Q1.end)
    (record,) = facts.child_records
    assert (record.case_id, record.person_id) == (case.id, child.id)
    assert (record.cp_plan_started_on, record.cin_started_on, record.cp_plan_ended_on) == (
        date(2025, 11, 1),
        date(2026, 4, 2),
        None,
    )
    (event,) = facts.safeguarding_events
    assert (event.kind, event.occurred_on, event.attended, event.person_id) == (
        "cp_conference",
        date(2026, 4, 3),
        True,
        child.id,
    )
    (alert,) = facts.safeguarding_alerts
    assert (alert.raised_on, alert.referred_on, alert.harm_relationship) == (
        date(2026, 4, 4),
        date(2026, 4, 5),
        "ex_partner",
    )


def test_they_are_read_in_three_queries_only_when_wanted(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    for case in cases(contract, 3):
        _alert(case, personas.caseworker, date(2026, 4, 2))

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"safeguarding"})) == queries(frozenset()) + 3


def test_cornwall_sa1_counts_the_alerts_raised_in_the_quarter(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    first, second = cases(contract, 2)
    _alert(first, personas.caseworker, date(2026, 4, 2))
    _alert(second, personas.caseworker, date(2026, 3, 2))  # the quarter before
    figure = contract_return(contract, Q1, now=NOW).measure("SA1")
    assert figure is not None
    assert figure.value == 1
