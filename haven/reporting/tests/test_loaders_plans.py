"""Support and safety plans in a return: each loaded in one query for the window's cases (the
support plan with whether it has a re-integration goal), and the LVS safety-plans figure."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.plans.models import PlanGoal, SafetyPlan, SupportPlan
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import MAY, NOW, Q1, cases

pytestmark = pytest.mark.django_db


def _support(case, user, at, reintegration=False):
    plan = SupportPlan.objects.create(case=case, person=case.person, agreed_at=at, recorded_by=user)
    PlanGoal.objects.create(plan=plan, area="School", description="Back to school")
    PlanGoal.objects.create(plan=plan, area="Health", description="GP", reintegration=reintegration)
    return plan


def _safety(case, user, at):
    return SafetyPlan.objects.create(
        case=case, person=case.person, completed_at=at, recorded_by=user, emergency="Call 999"
    )


def test_plans_load_in_one_query_each_with_the_reintegration_goal(contract_for, personas):
    contract = contract_for("leicester-family-2012")
    first, second = cases(contract, 2)
    one = _support(first, personas.caseworker, MAY, reintegration=True)
    two = _support(second, personas.caseworker, MAY)
    _safety(first, personas.caseworker, MAY)
    with CaptureQueriesContext(connection) as captured:
        facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset({"plans"}))
    by_id = {p.id: p for p in facts.support_plans}
    assert by_id[one.pk].reintegration
    assert not by_id[two.pk].reintegration
    assert len(facts.safety_plans) == 1
    sqls = [q["sql"] for q in captured.captured_queries]
    assert sum('FROM "plans_supportplan"' in sql for sql in sqls) == 1
    assert sum('FROM "plans_safetyplan"' in sql for sql in sqls) == 1


def test_plans_are_not_read_for_a_contract_whose_measures_do_not_need_them(contract_for, personas):
    contract = contract_for("leicester-family-2012")
    _safety(cases(contract, 1)[0], personas.caseworker, MAY)
    with CaptureQueriesContext(connection) as captured:
        facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset())
    assert not any("plans_" in q["sql"] for q in captured.captured_queries)
    with pytest.raises(LookupError, match="'plans' was not loaded"):
        len(facts.safety_plans)  # a computation that forgot needs=("plans",) fails loudly


def test_lvs_counts_the_safety_plans_completed_in_the_quarter(contract_for, personas):
    contract = contract_for("leicester-victim-survivor-2012")
    first, second = cases(contract, 2)
    _safety(first, personas.caseworker, MAY)
    _safety(second, personas.caseworker, datetime(2026, 7, 2, tzinfo=UTC))  # after the quarter
    result = contract_return(contract, Q1, now=NOW)
    assert result.measure("safety_plans").value == 1
