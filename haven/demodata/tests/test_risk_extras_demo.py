"""The demo's changes of risk and screening (issue 12): Cornwall's cases are screened (seed 004
s6.2-s6.4, scores in range, ADR 0014), and a change of risk sets the reassessment task the
next checklist meets where the profile asks (seed 004 s4.2)."""

from __future__ import annotations

import pytest

from haven.casework.models import CaseEvent
from haven.demodata.tests.test_build_demo_data import demo
from haven.risk.models import SCORE_RANGES, RiskChange, Screening

pytestmark = pytest.mark.django_db


def test_the_demo_records_screening_and_changes_of_risk_as_the_services_do():
    demo()
    screenings = list(Screening.objects.select_related("case__contract"))
    assert screenings
    assert {s.case.contract.slug for s in screenings} == {"cornwall-mens-refuge-2021"}
    for screening in screenings:
        if screening.tool in SCORE_RANGES:
            low, high = SCORE_RANGES[screening.tool]
            assert low <= screening.score <= high
    assert CaseEvent.objects.filter(kind="screening").count() == len(screenings)
    changes = list(RiskChange.objects.select_related("case__contract", "task"))
    assert changes
    assert CaseEvent.objects.filter(kind="change_of_risk").count() == len(changes)
    for change in changes:
        has_rule = change.case.contract.slug == "cornwall-mens-refuge-2021"
        assert (change.task is not None) == has_rule
        if change.task is not None:
            assert change.task.action == "risk_assessment"
            assert change.task.citation == "seed 004 s4.2"
