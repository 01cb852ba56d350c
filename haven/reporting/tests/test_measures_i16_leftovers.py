"""Issue 16's leftover measures, each over a small hand-built world whose expected value is
reasoned out in a comment; each reads its computation and params from the profile YAML.

Periods: 2026-Q1 of the financial year is 1 April - 30 June 2026 (BST throughout); 2026-04 is
April 2026.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from haven.people.choices import REFUGEE_COMMUNITY_STATUSES, DisabilityType
from haven.reporting.facts import (
    CaseFact,
    Facts,
    HouseholdFact,
    MaracIncidentFact,
    OnwardReferralFact,
    PersonFact,
    ReferralFact,
)
from haven.reporting.measures import COMPUTATIONS, MeasureContext
from haven.reporting.measures.base import Figure
from haven.reporting.measures.people_and_groups import REFUGEE_COMMUNITY_STATUSES as MEASURED
from haven.reporting.periods import parse_period

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"
CORNWALL = "cornwall-mens-refuge-2021"
DV360 = "opcc-dv360"
FAMILY = "leicester-family-2012"
PERPETRATOR = "leicester-perpetrator-2012"
NOW = datetime(2026, 9, 1, tzinfo=UTC)


def spec(slug: str, measure_id: str) -> dict[str, Any]:
    data = yaml.safe_load((PROFILES / f"{slug}.yaml").read_text())
    return next(m for m in data["measures"] if m["id"] == measure_id)


def figure(slug: str, measure_id: str, facts: Facts, period: str = "2026-Q1") -> Figure:
    measure = spec(slug, measure_id)
    ctx = MeasureContext(facts=facts, period=parse_period(period, "04-01"), now=NOW)
    return COMPUTATIONS[measure["compute"]](ctx, **measure.get("params", {}))


def at(month: int, day: int, hour: int = 12, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def person(pid: int, **fields: Any) -> PersonFact:
    values: dict[str, Any] = dict.fromkeys(PersonFact._fields[5:13], "")
    values.update(fields)
    return PersonFact(pid, f"REF{pid}", date(1990, 1, 1), False, "Cornwall", **values)


def case(cid: int, pid: int, opened: datetime, closed: datetime | None = None) -> CaseFact:
    return CaseFact(
        cid, pid, None, "closed" if closed else "engaged", "medium", opened, None, closed,
        "planned" if closed else "", None, None,
    )  # fmt: skip


def referral(rid: int, pid: int, received: datetime, grade: str) -> ReferralFact:
    return ReferralFact(
        rid, pid, received, "police", "import", "police", "", "", "standard", "da", grade,
        "accepted", received,
    )  # fmt: skip


def facts(**lists: Any) -> Facts:
    persons = lists.pop("persons", [])
    return Facts(persons={p.id: p for p in persons}, **lists)


def test_the_measures_refugee_statuses_are_the_people_apps():
    """seed 001 s6: one definition of refugee communities (measures may not import Django)."""
    assert MEASURED == REFUGEE_COMMUNITY_STATUSES


# --- seed 004 appendix 1 E10-E13: clients by type of disability ------------------------------


def test_seed_004_appendix_1_e10_to_e13_count_clients_by_type_of_disability():
    world = facts(
        persons=[
            person(1, disability="yes", disability_types=("physical", "hearing")),
            person(2, disability="yes", disability_types=("visual",)),
            person(3, disability="yes"),  # disabled, type not recorded: in none of E10-E13
            person(4, disability="no"),
            person(5, disability="yes", disability_types=("learning",)),  # case closed in March
        ],
        cases=[
            case(11, 1, at(1, 5)),
            case(12, 2, at(5, 1)),
            case(13, 3, at(5, 1)),
            case(14, 4, at(5, 1)),
            case(15, 5, at(1, 5), at(3, 20)),
        ],
    )
    # person 1 counts in both E10 and E12; person 5's case was not open in the quarter
    assert figure(CORNWALL, "E10", world).numerator == (1,)
    assert figure(CORNWALL, "E11", world).numerator == (2,)
    assert figure(CORNWALL, "E12", world).numerator == (1,)
    assert figure(CORNWALL, "E13", world).numerator == ()


def test_every_disability_type_in_the_profile_is_one_the_form_offers():
    for measure_id in ("E10", "E11", "E12", "E13"):
        for key in spec(CORNWALL, measure_id)["params"]["disability_types"]:
            assert key in DisabilityType.values


# --- seed 001 s6: refugee communities --------------------------------------------------------


def test_seed_001_s6_refugee_communities_are_refugees_and_asylum_seekers():
    world = facts(
        persons=[
            person(1, immigration_status="refugee"),
            person(2, immigration_status="asylum_seeker"),
            person(3, immigration_status="refused_asylum"),
            person(4, immigration_status="limited_leave"),  # a visa: not a refugee community
            person(5, immigration_status="prefer_not_to_say"),
            person(6),  # not asked
        ],
        cases=[case(10 + pid, pid, at(5, 1)) for pid in range(1, 7)],
    )
    for slug in (FAMILY, PERPETRATOR):
        assert figure(slug, "urg_refugee", world).numerator == (1, 2, 3)


# --- seed 000 s6 (DV 360): repeat victimisation of decreased severity ------------------------


def test_seed_000_s6_a_repeat_graded_lower_than_the_one_before_is_less_severe():
    world = facts(
        referrals=[
            referral(1, 1, at(1, 10), "high"),
            referral(2, 1, at(5, 10), "medium"),  # repeat, high -> medium: decreased
            referral(3, 2, at(2, 10), "medium"),
            referral(4, 2, at(5, 10), "medium"),  # repeat, same grade: not decreased
            referral(5, 3, at(2, 10), ""),
            referral(6, 3, at(5, 10), "standard"),  # the one before has no grade: not counted
            referral(7, 4, at(4, 10, year=2025), "high"),
            referral(8, 4, at(5, 10), "standard"),  # 395 days after: not a repeat
            referral(9, 5, at(4, 2), "medium"),
            referral(10, 5, at(6, 2), "high"),  # repeat, escalated
        ],
    )
    assert figure(DV360, "repeat_victimisation", world).numerator == (2, 4, 6, 10)
    assert figure(DV360, "repeat_decreased_severity", world).numerator == (2,)


def test_seed_000_s6_reported_incidences_are_new_incidents_in_the_quarter():
    world = facts(
        marac_incidents=[
            MaracIncidentFact(1, 11, date(2026, 4, 1), False),
            MaracIncidentFact(2, 11, date(2026, 6, 30), True),
            MaracIncidentFact(3, 12, date(2026, 7, 1), False),  # the next quarter
        ],
    )
    assert figure(DV360, "reported_incidents", world).numerator == (1, 2)


# --- seed 001 Lot 4 s8 and Lot 1 s8: reduction in domestic violence --------------------------


def test_seed_001_lot_4_s8_reduction_is_closing_with_no_further_incident():
    world = facts(
        cases=[
            case(1, 1, at(1, 10), at(5, 1)),  # incident during support
            case(2, 2, at(1, 10), at(5, 1)),  # incident before it opened only
            case(3, 3, at(1, 10), at(6, 20)),  # no incident
            case(4, 4, at(1, 10)),  # still open: not in the figure
            case(5, 5, at(1, 10), at(3, 1)),  # closed before the quarter
        ],
        closed_case_incidents=[
            MaracIncidentFact(1, 1, date(2026, 2, 14), False),
            MaracIncidentFact(2, 2, date(2026, 1, 2), False),
        ],
    )
    result = figure(PERPETRATOR, "reduction_in_dv", world)
    assert result.numerator == (2, 3)
    assert result.denominator == (1, 2, 3)


def test_seed_001_lot_1_s8_family_reduction_is_the_adult_victims_dash_falling():
    assert spec(FAMILY, "reduction_in_dv")["compute"] == "risk_reduced_at_closure"


# --- seed 004 s10 SC10: children where the adult is in both DA and SV services ---------------


def _sv(rid: int, cid: int, outcome: str, outcome_at: datetime | None) -> OnwardReferralFact:
    return OnwardReferralFact(
        rid, cid, at(3, 1), "sexual_violence", outcome=outcome, outcome_at=outcome_at
    )


def test_seed_004_s10_sc10_children_of_adults_in_both_services():
    world = facts(
        cases=[
            case(1, 1, at(3, 1)),  # open in April, SV referral accepted in March
            case(2, 2, at(3, 1)),  # SV referral accepted in May: not yet in April
            case(3, 3, at(3, 1), at(3, 25)),  # closed before April
            case(4, 4, at(3, 1)),  # referral declined
        ],
        onward_referrals=[
            _sv(1, 1, "accepted", at(3, 20)),
            _sv(2, 2, "accepted", at(5, 2)),
            _sv(3, 3, "accepted", at(3, 20)),
            _sv(4, 4, "declined", at(3, 20)),
            OnwardReferralFact(5, 4, at(3, 1), "idva", outcome="accepted", outcome_at=at(3, 2)),
        ],
        households=[
            HouseholdFact(1, 1, 101, "child", True),
            HouseholdFact(2, 1, 102, "child", False),  # does not live with them
            HouseholdFact(3, 2, 103, "child", True),
            HouseholdFact(4, 3, 104, "child", True),
            HouseholdFact(5, 4, 105, "child", True),
        ],
    )
    assert figure(CORNWALL, "SC10", world, "2026-04").numerator == (101,)
    assert figure(CORNWALL, "SC10", world, "2026-05").numerator == (101, 103)


# --- seed 001 Lot 1 s8: improved attendance and performance in education --------------------


def test_seed_001_lot_1_s8_education_is_the_assessments_education_area_falling():
    from haven.contracts.profiles.validate import load_profile
    from haven.reporting.facts import NeedsAreaFact, NeedsAssessmentFact

    loaded = load_profile(PROFILES / f"{FAMILY}.yaml")
    assert loaded.needs_assessment is not None
    domains = {a.key: a.domain for a in loaded.needs_assessment.areas}
    world = facts(
        cases=[case(1, 1, at(1, 5), at(5, 1)), case(2, 2, at(1, 5), at(5, 1))],
        needs_assessments=[
            NeedsAssessmentFact(10, 1, "initial", at(1, 6)),
            NeedsAssessmentFact(11, 1, "exit", at(4, 30)),
            NeedsAssessmentFact(20, 2, "initial", at(1, 6)),
            NeedsAssessmentFact(21, 2, "exit", at(4, 30)),
        ],
        needs_areas=[
            NeedsAreaFact(10, 1, "initial", "education", 3),
            NeedsAreaFact(11, 1, "exit", "education", 1),  # attendance need fell: improved
            NeedsAreaFact(20, 2, "initial", "education", 2),
            NeedsAreaFact(21, 2, "exit", "education", 2),  # the same: not improved
            NeedsAreaFact(20, 2, "initial", "safety", 3),
            NeedsAreaFact(21, 2, "exit", "safety", 0),  # another area: not education
        ],
    )
    measure = spec(FAMILY, "education_attendance")
    ctx = MeasureContext(
        facts=world, period=parse_period("2026-Q1", "04-01"), now=NOW, area_domains=domains
    )
    result = COMPUTATIONS[measure["compute"]](ctx, **measure["params"])
    assert (result.numerator, result.denominator) == ((1,), (1, 2))
