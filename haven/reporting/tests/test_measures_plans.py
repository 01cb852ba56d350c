"""The plan measures (issue 11) on small hand-built facts: leicester-victim-survivor-2012
`safety_plans` (seed 001 Lot 3 s8), wokingham-da-2017 `children_safety_plan` and
`children_plan_direction` (seed 003 s13), leicester-family-2012 `reintegration_plan` (seed 001
Lot 1 s8). The period is 1 April to 30 June 2026 (British Summer Time)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from haven.reporting.facts import Facts, HouseholdFact, SafetyPlanFact, SupportPlanFact
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    JUST_BEFORE,
    LAST_MINUTE,
    case,
    person,
    profile,
    result,
)

PLAN_MEASURES = {
    ("leicester-victim-survivor-2012", "safety_plans"): "safety_plans_completed",
    ("wokingham-da-2017", "children_safety_plan"): "children_with_plan",
    ("wokingham-da-2017", "children_plan_direction"): "children_with_plan",
    ("leicester-family-2012", "reintegration_plan"): "children_with_reintegration_plan",
}


def test_the_plan_measures_are_computed_with_their_seed_citations():
    for (slug, measure_id), computation in PLAN_MEASURES.items():
        spec = profile(slug).measure(measure_id)
        assert spec is not None
        assert spec.compute == computation
        assert spec.citation.startswith("seed 00")


def test_work_undertaken_stays_not_recorded_with_its_reason():
    # seed 001 Lot 1 s14: a narrative; no figure is defined to count plan actions into
    spec = profile("leicester-family-2012").measure("work_undertaken")
    assert spec is not None
    assert spec.compute is None
    assert "issue 11" in (spec.missing or "")


def test_lvs_safety_plans_completed_in_the_quarter_seed_001_lot3_s8():
    facts = Facts(
        safety_plans=[
            SafetyPlanFact(1, 1, 1, INSIDE),
            SafetyPlanFact(2, 1, 2, LAST_MINUTE),  # a child's, 23:59 BST on 30 June
            SafetyPlanFact(3, 2, 3, JUST_BEFORE),  # 31 March: the quarter before
        ]
    )
    res = result("leicester-victim-survivor-2012", "safety_plans", facts)
    assert res.figure.numerator == (1, 2)


def _family_facts(**plans) -> Facts:
    """Two survivors with open cases (1 with children 11 and 12; 2 with child 21), a child of
    their own case (person 3, born 2015) and a closed-before case's child (person 41)."""
    return Facts(
        persons={
            1: person(1),
            2: person(2),
            3: person(3, born=date(2015, 1, 1)),
            4: person(4),
        },
        cases=[
            case(1, 1, BEFORE),
            case(2, 2, INSIDE),
            case(3, 3, BEFORE),
            case(4, 4, BEFORE, closed_at=datetime(2026, 3, 20, tzinfo=UTC)),
        ],
        households=[
            HouseholdFact(1, 1, 11, "child", True),
            HouseholdFact(2, 1, 12, "child", False),
            HouseholdFact(3, 2, 21, "child", True),
            HouseholdFact(4, 4, 41, "child", True),
        ],
        **plans,
    )


def test_wokingham_children_safety_plan_seed_003_s13():
    # the children of the quarter: 3 (own case), 11, 12, 21 (41's parent's case closed in March)
    # safety plans by the quarter's end: 11 (before), 3 (inside); 21's comes after the quarter
    facts = _family_facts(
        safety_plans=[
            SafetyPlanFact(1, 1, 11, BEFORE),
            SafetyPlanFact(2, 3, 3, INSIDE),
            SafetyPlanFact(3, 2, 21, JUST_AFTER),
            SafetyPlanFact(4, 4, 41, BEFORE),
        ]
    )
    res = result("wokingham-da-2017", "children_safety_plan", facts)
    assert res.figure.denominator == (3, 11, 12, 21)
    assert res.figure.numerator == (3, 11)
    assert res.value == 0.5


def test_wokingham_children_plan_direction_counts_support_plans_only_seed_003_s13():
    facts = _family_facts(
        support_plans=[SupportPlanFact(1, 1, 12, INSIDE, False)],
        safety_plans=[SafetyPlanFact(1, 1, 11, BEFORE)],
    )
    res = result("wokingham-da-2017", "children_plan_direction", facts)
    assert res.figure.numerator == (12,)
    assert res.value == 0.25


def test_leicester_family_reintegration_plans_seed_001_lot1_s8():
    # children 11 and 21 have support plans; only 11's has a return-to-universal-services goal;
    # the survivor's own plan (person 1) is not a child's
    facts = _family_facts(
        support_plans=[
            SupportPlanFact(1, 1, 11, INSIDE, True),
            SupportPlanFact(2, 2, 21, INSIDE, False),
            SupportPlanFact(3, 1, 1, INSIDE, True),
        ]
    )
    res = result("leicester-family-2012", "reintegration_plan", facts)
    assert res.figure.numerator == (11,)
