"""Risk history in a return (seed 004 s10 risk escalations): the checklists of the window's
cases completed before it, loaded in one query only when a measure reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import MAY, NOW, Q1
from haven.risk.models import RiskAssessment
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db

BEFORE = datetime(2026, 2, 1, tzinfo=UTC)


def _assessment(case, user, level, at):
    return RiskAssessment.objects.create(
        case=case,
        stage="review",
        checklist_key="dash-ric-24",
        checklist_version="1",
        answers={},
        score=5,
        score_level=level,
        computed_level=level,
        level=level,
        completed_at=at,
        completed_by=user,
    )


def test_the_checklists_before_the_window_load_only_when_wanted(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    case = CaseFactory(contract=contract, opened_at=BEFORE, referral__received_at=BEFORE)
    earlier = _assessment(case, personas.caseworker, "medium", BEFORE)
    _assessment(case, personas.caseworker, "high", MAY)

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            facts = load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured), facts

    count_with, facts = queries(frozenset({"risk_history"}))
    assert [r.id for r in facts.risks_before] == [earlier.id]
    count_without, _ = queries(frozenset())
    assert count_with == count_without + 1


def test_seed_004_s10_cornwall_counts_the_escalation_in_its_return(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    case = CaseFactory(contract=contract, opened_at=BEFORE, referral__received_at=BEFORE)
    _assessment(case, personas.caseworker, "medium", BEFORE)
    _assessment(case, personas.caseworker, "high", MAY)
    result = contract_return(contract, Q1, now=NOW)
    assert result.measure("risk_escalations").figure.value == 1
