"""The Cornwall men's refuge (seed 004 s10, appendix 1) and Wokingham (seed 003 s13-14)
catalogues: the profiles validate with their computations, list every figure the seed asks for
in the seed's order, and every measure not recorded says what is missing and which issue
brings it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from haven.contracts.profiles.validate import read_profile

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"

# seed 004 s10 KPI tables and appendix 1, in the seed's order (the seed has no B7, B8, SC3, SC9
# or E5)
CORNWALL_SEED_IDS = [
    *(f"A{n}" for n in range(9)),
    "B2",
    "B3",
    "B4",
    "B5",
    "B6",
    "B9",
    *(f"SA{n}" for n in range(1, 6)),
    *(f"SC{n}" for n in (1, 2, 4, 5, 6, 7, 8, 10)),
    *(f"E{n}" for n in range(1, 21) if n != 5),
]
CORNWALL_COMPUTED = (
    {"A1", "A2", "A3", "A6", "B2", "B3", "B4", "B5", "B5_number", "B6", "B9"}
    | {f"E{n}" for n in (1, 2, 3, 4, 6, 7, 8, 9, 14, 15, 16, 17, 18, 19, 20)}
    # seed 004 appendix 1 E10-E13: the type of disability in the equality data (issue 16)
    | {"E10", "E11", "E12", "E13"}
    # seed 004 s10 contract-review information: the registers of issue 12
    | {"serious_incidents", "complaints", "compliments"}
    # seed 004 s10 finance including income and expenditure (issue 16 item 7)
    | {"income_expenditure", "income_received"}
    # safeguarding adults alerts and children (issue 12, measures/safeguarding.py); SC10 the
    # children of adults in DA and SV services (issue 16, measures/victimisation.py)
    | {"SA1", "SA2", "SA3", "SA5", "SC1", "SC2", "SC4", "SC5", "SC6", "SC7", "SC8", "SC10"}
    # the MARAC register (issue 12, measures/marac.py): A7 referrals, SA4 attendance
    | {"A7", "SA4"}
    # seed 004 s10, s4.2: risk escalations (risk reassessments, issue 12)
    | {"risk_escalations"}
    # seed 004 s10 A4, A5, A8: refuge stays (issue 13, measures/refuge.py)
    | {"A4", "A5", "A8"}
    # seed 004 s10 A0: initial requests for service (issue 14, measures/front_door.py)
    | {"A0"}
    # seed 004 s10: the bi-annual workforce figures (issue 16, measures/workforce.py)
    | {
        "workforce_vacancy_rate",
        "workforce_temporary_staffing",
        "workforce_turnover",
        "workforce_sickness_month",
        "workforce_sickness_ytd",
        "workforce_sickness_long_short",
        "workforce_stress_sickness",
        "workforce_sickness_days_per_fte",
        "workforce_plan_vs_actual",
        "workforce_mandatory_training",
    }
)
# seed 003 s13 (outcomes, monitoring) and s14 (contract monitoring)
WOKINGHAM_IDS = {
    "empowerment_increased",
    "independence_hope_and_goals",
    "independence_return_to_work",
    "independence_education_training",
    "independence_financial_support",
    "independence_support_networks",
    "perceived_safety_increased",
    "children_voice_heard",
    "children_safety_plan",
    "children_plan_direction",
    "wellbeing_increased",
    "perpetrator_self_awareness",
    "perpetrators_offered_programme",
    "residents_into_refuge",
    "women_in_wokingham_refuge",
    "referrals",
    "helpline_calls",
    "enquiries_answered_in_2_working_days",
    "perpetrators_supported",
    "waiting_list",
    "children_supported",
    "additional_needs_substance_misuse",
    "additional_needs_mental_health",
    "additional_needs_parenting",
    "additional_needs_recovery_therapeutic",
    "risk_reduced_at_closure",
    "waiting_list_reasons",
    "planned_departures",
    "perpetrators_completing",
    "onward_referrals",
    "average_time_high_risk",
    "average_time_medium_risk",
    "average_time_low_risk",
    "legal_proceedings_supported",
    "children_deescalated",
    "known_before",
    "known_before_number",
    "people_using_service",
    "duration_of_use",
    "frequency_of_use",
    "requests_for_access",
    "requests_declined",
    "customer_satisfaction",
    "cost_effectiveness",
}
WOKINGHAM_COMPUTED = {
    "referrals",
    # seed 003 s13: refuge stays (issue 13, measures/refuge.py)
    "residents_into_refuge",
    "women_in_wokingham_refuge",
    "legal_proceedings_supported",  # support sessions (issue 11)
    "children_safety_plan",  # safety plans (issue 11)
    "children_plan_direction",  # support plans (issue 11)
    "children_deescalated",  # children's CIN and CP plans (issue 12)
    "children_voice_heard",  # the child's voice on their safeguarding record (issue 12)
    "children_supported",
    "risk_reduced_at_closure",
    "planned_departures",
    "onward_referrals",
    "average_time_high_risk",
    "average_time_medium_risk",
    "average_time_low_risk",
    "known_before",
    "known_before_number",
    "people_using_service",
    "duration_of_use",
    "frequency_of_use",  # sessions a month (issue 11)
    "requests_for_access",
    "requests_declined",
    "customer_satisfaction",  # seed 003 s14: satisfaction surveys (issue 11 item 6)
    # onward referrals accepted for the need (issue 11 item 4, measures/onward.py)
    "additional_needs_substance_misuse",
    "additional_needs_mental_health",
    "additional_needs_parenting",
    "additional_needs_recovery_therapeutic",
    # groups and programmes (issue 16 item 1, measures/programmes.py)
    "perpetrators_offered_programme",
    "perpetrators_supported",
    "perpetrators_completing",
    "perpetrator_self_awareness",  # haven-perpetrator-v1's insight domain (haven/outcomes)
    # outcome assessments at entry and exit (issue 11 item 5; haven/outcomes)
    "empowerment_increased",
    "independence_hope_and_goals",
    "independence_support_networks",
    "independence_financial_support",
    "independence_return_to_work",
    "independence_education_training",
    "perceived_safety_increased",
    "wellbeing_increased",
    # waiting-list entries (issue 13; seed 003 s13, s14)
    "waiting_list",
    "waiting_list_reasons",
    "cost_effectiveness",  # seed 003 s14: cost per case supported (issue 16 item 7)
    # the helpline call log (issue 16 item 4; seed 003 s13, s6.1)
    "helpline_calls",
    "enquiries_answered_in_2_working_days",
}
# what an issue that brings the missing record looks like in a `missing:` text
NAMES_AN_ISSUE = re.compile(r"issue 1[1-6]|being moved into models")


def measures(slug: str):
    profile, errors = read_profile(PROFILES / f"{slug}.yaml")
    assert errors == []
    assert profile is not None
    return profile.measures


def test_cornwall_lists_every_seed_004_s10_and_appendix_1_figure_in_the_seed_s_order():
    ids = [m.id for m in measures("cornwall-mens-refuge-2021")]
    seed_ids = [i for i in ids if i in CORNWALL_SEED_IDS]
    assert seed_ids == CORNWALL_SEED_IDS
    # seed 004 s10: the number of planned exits too ("number and %"), contract-review
    # information and bi-annual workforce figures
    assert "B5_number" in ids
    assert {"serious_incidents", "complaints", "compliments", "income_expenditure"} <= set(ids)
    # the ten workforce indicators with a method of measure (the health and wellbeing and the
    # professional registration items are narrative responses, not figures)
    assert sum(1 for i in ids if i.startswith("workforce_")) == 10


def test_cornwall_computes_what_haven_records_and_keeps_the_seed_targets():
    by_id = {m.id: m for m in measures("cornwall-mens-refuge-2021")}
    assert {i for i, m in by_id.items() if m.compute} == CORNWALL_COMPUTED
    # seed 004 s10: B6 80% improving recovery, B9 85% satisfied (old `targets:` list)
    assert by_id["B6"].target == 0.80
    assert by_id["B9"].target == 0.85
    # seed 004 s10: the safeguarding children table is laid out monthly, workforce bi-annually
    assert all(by_id[i].period == "month" for i in by_id if i.startswith("SC"))
    assert all(by_id[i].period == "half_year" for i in by_id if i.startswith("workforce_"))
    assert by_id["A3"].breakdowns == ["decline_reason"]


def test_wokingham_lists_every_seed_003_s13_and_s14_item():
    by_id = {m.id: m for m in measures("wokingham-da-2017")}
    assert set(by_id) == WOKINGHAM_IDS
    assert {i for i, m in by_id.items() if m.compute} == WOKINGHAM_COMPUTED
    # seed 003 s13: baselines "TBC", so no targets
    assert all(m.target is None for m in by_id.values())


@pytest.mark.parametrize("slug", ["cornwall-mens-refuge-2021", "wokingham-da-2017"])
def test_every_measure_not_recorded_says_what_is_missing_and_which_issue_brings_it(slug):
    for measure in measures(slug):
        if measure.compute is None:
            assert measure.missing, measure.id
            assert measure.missing.startswith("needs "), measure.id
            assert NAMES_AN_ISSUE.search(measure.missing), measure.id
        assert re.match(r"seed 00[34] ", measure.citation), measure.id
