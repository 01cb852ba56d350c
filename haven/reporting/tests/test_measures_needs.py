"""victim-first-2018's eight distance-travelled measures (seed 002 s7, via the needs assessment
of s3.9) on small hand-built facts, read from the profile YAML so the computation and its
`domain` param are the ones the return uses. Quarter: 2026-Q1 of the financial year, 1 April to
30 June 2026 (BST: 2026-03-31 23:00 UTC to 2026-06-30 23:00 UTC)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from haven.reporting.facts import CaseFact, Facts, NeedsAreaFact, NeedsAssessmentFact
from haven.reporting.tests.test_measures_contact import (
    INSIDE,
    JUST_AFTER,
    profile,
    result,
    value,
)

VF = "victim-first-2018"
OPENED = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
DISTANCE_MEASURES = {
    # seed 002 s7's eight domains: the profile's domain key of each
    "distance_mental_physical_health": "mental_physical_health",
    "distance_shelter_accommodation": "shelter_accommodation",
    "distance_family_friends_children": "family_friends_children",
    "distance_education_skills_employment": "education_skills_employment",
    "distance_social_interactions": "social_interactions",
    "distance_outlook_attitudes": "outlook_attitudes",
    "distance_finance_benefits": "finance_benefits",
    "distance_drugs_alcohol": "drugs_alcohol",
}


def closed_case(cid: int, closed_at: datetime | None = INSIDE) -> CaseFact:
    return CaseFact(cid, cid, cid, "closed", "", OPENED, OPENED, closed_at, "planned", None, None)


def world(*assessments: tuple[int, str, int, dict[str, int]], cases: list[CaseFact]) -> Facts:
    """Each assessment: (case id, stage, days after opening, area: level)."""
    facts = Facts(cases=cases)
    for number, (case_id, stage, day, levels) in enumerate(assessments, start=1):
        aid = f"a{number}"
        at = OPENED + timedelta(days=day)
        facts.needs_assessments.append(NeedsAssessmentFact(aid, case_id, stage, at))
        facts.needs_areas += [
            NeedsAreaFact(aid, case_id, stage, area, level) for area, level in levels.items()
        ]
    return facts


def test_every_distance_measure_is_computed_for_its_s7_domain():
    for measure_id, domain in DISTANCE_MEASURES.items():
        measure = profile(VF).measure(measure_id)
        assert measure is not None
        assert (measure.compute, measure.params) == ("distance_travelled", {"domain": domain})


def test_shelter_share_counts_cases_closed_in_the_quarter_whose_level_fell():
    # seed 002 s3.9: assessed, then repeated before closure; s7 reports shelter and accommodation
    facts = world(
        (1, "initial", 1, {"accommodation": 3}),
        (1, "exit", 90, {"accommodation": 1}),  # 3 -> 1: improved
        (2, "initial", 1, {"accommodation": 2}),
        (2, "exit", 90, {"accommodation": 2}),  # 2 -> 2: not improved
        (3, "initial", 1, {"accommodation": 1}),
        (3, "exit", 90, {"accommodation": 2}),  # 1 -> 2: worse
        (4, "initial", 1, {"accommodation": 3}),  # no exit reassessment: not counted
        (5, "initial", 1, {"accommodation": 3}),
        (5, "exit", 90, {"accommodation": 0}),  # closed after the quarter: not counted
        cases=[*map(closed_case, (1, 2, 3, 4)), closed_case(5, JUST_AFTER)],
    )
    # counted: cases 1, 2, 3; improved: case 1 -> 1/3
    res = result(VF, "distance_shelter_accommodation", facts)
    assert res.value == 1 / 3
    assert res.figure.numerator == (1,)


def test_mental_and_physical_health_adds_personal_safety_and_mental_health():
    # seed 002 s7 "mental and physical health (including safety/perceptions of safety)" holds
    # s3.9's personal safety and mental health: their levels are added
    facts = world(
        (1, "initial", 1, {"personal_safety": 3, "mental_health": 1}),  # 4
        (1, "exit", 90, {"personal_safety": 1, "mental_health": 2}),  # 3: fell
        (2, "initial", 1, {"personal_safety": 2, "mental_health": 1}),  # 3
        (2, "exit", 90, {"personal_safety": 1, "mental_health": 2}),  # 3: same, not improved
        (3, "initial", 1, {"personal_safety": 3, "mental_health": 3}),
        # exit scored only personal safety: compared on personal safety alone, 3 -> 2 fell
        (3, "exit", 90, {"personal_safety": 2}),
        cases=[closed_case(1), closed_case(2), closed_case(3)],
    )
    # counted 3, improved cases 1 and 3 -> 2/3
    assert value(VF, "distance_mental_physical_health", facts) == 2 / 3


def test_the_baseline_is_the_initial_assessment_else_the_first_and_the_exit_the_latest():
    facts = world(
        (1, "review", 0, {"family": 1}),  # earlier than the initial: the initial is the baseline
        (1, "initial", 2, {"family": 3}),
        (1, "exit", 80, {"family": 2}),
        (1, "exit", 90, {"family": 2}),  # latest exit: 3 -> 2 improved
        (2, "review", 30, {"family": 2}),  # no initial: the first (review) is the baseline
        (2, "review", 60, {"family": 0}),
        (2, "exit", 90, {"family": 1}),  # 2 -> 1 improved
        (3, "exit", 90, {"family": 0}),  # exit alone: nothing to compare, not counted
        cases=[closed_case(1), closed_case(2), closed_case(3)],
    )
    assert value(VF, "distance_family_friends_children", facts) == 1.0


def test_no_case_with_both_assessments_gives_no_share():
    facts = world((1, "initial", 1, {"finance": 3}), cases=[closed_case(1)])
    assert value(VF, "distance_finance_benefits", facts) is None
