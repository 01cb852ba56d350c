"""measures/onward.py on small hand-built facts, through the profiles' own measure specs: support
accessed for an additional need (seed 003 s13), Cornwall's A6 and E15-E17 (seed 004 s10 A6,
appendix 1 E15-E17, needs areas from s7.5) and the Leicester lots' needs assessed by area
(seed 001 Lot 1 and Lot 4 s14). Quarter 2026-Q1: 1 April to 30 June 2026."""

from __future__ import annotations

from datetime import UTC, datetime

from haven.reporting.facts import (
    CaseFact,
    Facts,
    NeedsAreaFact,
    NeedsAssessmentFact,
    OnwardReferralFact,
)
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    JUST_INSIDE,
    result,
    value,
)

WOKINGHAM = "wokingham-da-2017"
CORNWALL = "cornwall-mens-refuge-2021"
OPENED = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def case(cid: int, person: int | None = None, closed_at: datetime | None = None) -> CaseFact:
    state = "closed" if closed_at else "engaged"
    return CaseFact(cid, person or cid, cid, state, "", OPENED, OPENED, closed_at, "", None, None)


def referral(
    rid: str,
    case_id: int,
    agency_type: str,
    *,
    need_area: str = "",
    outcome: str = "accepted",
    outcome_at: datetime | None = INSIDE,
) -> OnwardReferralFact:
    return OnwardReferralFact(
        rid, case_id, BEFORE, agency_type, "referral", need_area, outcome, outcome_at
    )


def test_wokingham_support_accessed_is_a_referral_for_the_need_accepted_in_the_quarter():
    # seed 003 s13 "additional needs addressed: mental health support accessed"
    facts = Facts(
        cases=[case(1), case(2), case(3), case(4), case(5, person=1)],
        onward_referrals=[
            referral("r1", 1, "mental_health"),  # accepted in the quarter: counted
            referral("r5", 5, "mental_health"),  # the same person again: once
            referral("r2", 2, "mental_health", outcome="declined"),  # declined: not accessed
            referral("r3", 3, "mental_health", outcome_at=JUST_AFTER),  # after the quarter
            referral("r4", 4, "housing"),  # another need
        ],
    )
    res = result(WOKINGHAM, "additional_needs_mental_health", facts)
    assert (res.value, res.figure.kind, res.figure.numerator) == (1, "person", (1,))


def test_wokingham_parenting_and_recovery_read_their_agency_types():
    facts = Facts(
        cases=[case(1), case(2)],
        onward_referrals=[
            referral("r1", 1, "parenting"),
            referral("r2", 2, "counselling", outcome_at=JUST_INSIDE),
        ],
    )
    assert value(WOKINGHAM, "additional_needs_parenting", facts) == 1
    assert value(WOKINGHAM, "additional_needs_recovery_therapeutic", facts) == 1
    assert value(WOKINGHAM, "additional_needs_substance_misuse", facts) == 0


def test_a_needs_area_says_the_need_before_the_agency_type():
    # a referral to a "health" agency made for the mental health area counts as mental health
    facts = Facts(
        cases=[case(1)],
        onward_referrals=[referral("r1", 1, "health", need_area="mental_health")],
    )
    assert value(WOKINGHAM, "additional_needs_mental_health", facts) == 1


def test_cornwall_a6_counts_men_with_support_accepted_in_an_a6_area():
    # seed 004 s10 A6: education/training and employment, legal advice ... that quarter
    facts = Facts(
        cases=[case(1), case(2), case(3)],
        onward_referrals=[
            referral("r1", 1, "other", need_area="education_employment"),
            referral("r2", 2, "legal"),
            referral("r3", 3, "mental_health", need_area="mental_health"),  # not an A6 area
        ],
    )
    assert value(CORNWALL, "A6", facts) == 2


def test_cornwall_e15_and_e17_count_clients_engaged_by_the_quarters_end():
    # seed 004 appendix 1 E15 (mental health services on referral), E17 (drug and alcohol)
    facts = Facts(
        cases=[case(1), case(2), case(3, closed_at=BEFORE), case(4)],
        onward_referrals=[
            referral("r1", 1, "mental_health", outcome_at=BEFORE),  # engaged since before
            referral("r2", 2, "mental_health", outcome="no_reply"),  # not engaged
            referral("r3", 3, "mental_health", outcome_at=BEFORE),  # not a client this quarter
            referral("r4", 4, "substance_misuse", need_area="drugs_alcohol"),
        ],
    )
    assert value(CORNWALL, "E15", facts) == 1
    assert value(CORNWALL, "E17", facts) == 1


def test_cornwall_e16_counts_assessed_mental_health_needs_with_no_support_accepted():
    # seed 004 appendix 1 E16 (unmet mental health needs); s7.5 comprehensive assessment
    facts = Facts(
        cases=[case(1), case(2), case(3), case(4)],
        needs_assessments=[
            NeedsAssessmentFact("a1", 1, "initial", BEFORE),
            NeedsAssessmentFact("a2", 2, "initial", BEFORE),
            NeedsAssessmentFact("a3", 3, "initial", BEFORE),
            NeedsAssessmentFact("a4", 3, "review", INSIDE),
            NeedsAssessmentFact("a5", 4, "initial", JUST_AFTER),
        ],
        needs_areas=[
            NeedsAreaFact("a1", 1, "initial", "mental_health", 2),  # unmet
            NeedsAreaFact("a2", 2, "initial", "mental_health", 3),  # met: referral accepted
            NeedsAreaFact("a3", 3, "initial", "mental_health", 2),
            NeedsAreaFact("a4", 3, "review", "mental_health", 0),  # latest: no need now
            NeedsAreaFact("a5", 4, "initial", "mental_health", 3),  # after the quarter
        ],
        onward_referrals=[referral("r2", 2, "mental_health")],
    )
    res = result(CORNWALL, "E16", facts)
    assert res.figure.numerator == (1,)


def test_leicester_needs_assessed_counts_people_with_a_need_found_in_the_quarter():
    # seed 001 Lot 1 s14 performance data: needs (assessed), with a row per area (Lot 1 s5)
    facts = Facts(
        cases=[case(1), case(2), case(3)],
        needs_assessments=[
            NeedsAssessmentFact("a1", 1, "initial", INSIDE),
            NeedsAssessmentFact("a2", 2, "initial", INSIDE),
            NeedsAssessmentFact("a3", 3, "initial", BEFORE),
        ],
        needs_areas=[
            NeedsAreaFact("a1", 1, "initial", "safety", 2),
            NeedsAreaFact("a1", 1, "initial", "education", 0),
            NeedsAreaFact("a2", 2, "initial", "safety", 0),
            NeedsAreaFact("a3", 3, "initial", "education", 3),  # assessed before the quarter
        ],
    )
    family = "leicester-family-2012"
    assert value(family, "needs_assessed", facts) == 1
    assert value(family, "needs_assessed_safety", facts) == 1
    assert value(family, "needs_assessed_education", facts) == 0


def test_leicester_perpetrator_rows_name_each_of_its_areas():
    from haven.reporting.tests.test_measures_contact import profile

    spec = profile("leicester-perpetrator-2012")
    keys = [area.key for area in spec.needs_assessment.areas]
    assert {f"needs_assessed_{key}" for key in keys} <= {m.id for m in spec.measures}
