"""Loading a return's facts: every record of the contract (restricted ones too, ADR 0010), in a
number of queries that does not grow with the number of cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.casework.models import CaseState, NeedsAssessment, NeedsAssessmentArea
from haven.reporting.loaders import load_facts
from haven.reporting.periods import parse_period
from haven.reporting.selectors import contract_return, contract_trend
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db
Q1 = parse_period("2026-Q1", "04-01")
MAY = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
NOW = datetime(2026, 7, 15, tzinfo=UTC)


def cases(contract, count: int, **fields):
    return [
        CaseFactory(contract=contract, opened_at=MAY, referral__received_at=MAY, **fields)
        for _ in range(count)
    ]


def queries_for(contract) -> int:
    with CaptureQueriesContext(connection) as captured:
        contract_return(contract, Q1, now=NOW)
    return len(captured)


def test_query_count_does_not_grow_with_the_number_of_cases(contract_for):
    contract = contract_for("opcc-dv360")
    for case in cases(contract, 2):
        TaskFactory(case=case, rule_key="first_contact_phone", due_at=MAY)
    few = queries_for(contract)
    for case in cases(contract, 30):
        TaskFactory(case=case, rule_key="first_contact_phone", due_at=MAY)
    assert queries_for(contract) == few


def test_restricted_cases_are_counted(contract_for):
    contract = contract_for("opcc-dv360")
    cases(contract, 2)
    cases(contract, 1, is_restricted=True)
    result = contract_return(contract, Q1, now=NOW)
    demand = result.measure("demand_referrals")
    assert demand is not None
    assert demand.value == 3


def test_ids_read_back_match_the_records(contract_for):
    contract = contract_for("opcc-dv360")
    (case,) = cases(contract, 1, state=CaseState.ENGAGED)
    result = contract_return(contract, Q1, now=NOW)
    demand = result.measure("demand_referrals")
    assert demand is not None
    assert demand.figure is not None
    # ids in facts are UUIDs on every database, as Django gives them
    assert demand.figure.numerator == (case.referral_id,)


def test_trend_loads_once_for_eight_quarters(contract_for):
    contract = contract_for("opcc-dv360")
    cases(contract, 1)
    CaseFactory(
        contract=contract,
        opened_at=MAY - timedelta(days=365),
        referral__received_at=MAY - timedelta(days=365),
    )
    with CaptureQueriesContext(connection) as captured:
        trend = contract_trend(contract, Q1, now=NOW)
    assert [r.period.code for r in trend][-2:] == ["2025-Q4", "2026-Q1"]
    values = [r.measure("demand_referrals").value for r in trend]  # type: ignore[union-attr]
    assert values == [0, 0, 0, 1, 0, 0, 0, 1]
    assert len(captured) == queries_for(contract)


def test_needs_area_levels_load_for_the_window_cases_in_one_query(contract_for):
    contract = contract_for("victim-first-2018")
    (case,) = cases(contract, 1)
    assessment = NeedsAssessment.objects.create(
        case=case, stage="initial", assessed_at=MAY, recorded_at=MAY
    )
    NeedsAssessmentArea.objects.create(assessment=assessment, area="finance", level=2)
    other = cases(contract_for("opcc-dv360"), 1)[0]
    elsewhere = NeedsAssessment.objects.create(
        case=other, stage="initial", assessed_at=MAY, recorded_at=MAY
    )
    NeedsAssessmentArea.objects.create(assessment=elsewhere, area="finance", level=3)
    with CaptureQueriesContext(connection) as captured:
        facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset({"needs_areas"}))
    assert [(f.assessment_id, f.case_id, f.stage, f.area, f.level) for f in facts.needs_areas] == [
        (assessment.pk, case.pk, "initial", "finance", 2)
    ]
    assert sum("needsassessmentarea" in q["sql"] for q in captured.captured_queries) == 1
