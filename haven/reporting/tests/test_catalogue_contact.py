"""The measures catalogues of victim-first-2018 (seed 002 Lot 1 s7, s9, s16), opcc-dv360 (seed 000
s6, s13) and target-hardening-2018 (seed 002 Lot 2 s3.1, s4, s7): each profile validates against
the registered computations, lists every figure its seed asks for in the seed's order, and every
measure Haven cannot compute says what is missing and which later issue brings it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from haven.contracts.profiles.validate import read_profile

PROFILES = Path(__file__).resolve().parents[2] / "contracts" / "profiles"

EXPECTED = {
    # seed 002 Lot 1 s7 table 2, distance travelled, Referrals, Support provided; s9; s16
    "victim-first-2018": [
        "cope_and_recover",
        "victim_satisfied",
        "distance_mental_physical_health",
        "distance_shelter_accommodation",
        "distance_family_friends_children",
        "distance_education_skills_employment",
        "distance_social_interactions",
        "distance_outlook_attitudes",
        "distance_finance_benefits",
        "distance_drugs_alcohol",
        "referrals_received",
        "quick_questions",  # seed 002 s3.6, issue 14
        "initial_calls_48h",
        "initial_letters_same_day",
        "initial_home_visits_5wd",
        "outside_contact_timeframes",
        "outside_contact_timeframes_share",
        "initial_contact_only",
        "further_support",
        "not_contactable",
        "not_contactable_reasons",
        "passed_on",
        "repeat_victims",
        "referrals_protected_characteristics",
        "children_supported",
        "referral_agencies",
        "telephone_support_only",
        "some_face_to_face",
        "some_web_chat",
        "restorative_justice",
        "yp_group_sessions",
        "yp_group_attendance",
        "vps_enabled",
        "onward_referrals",
        "onward_referral_agencies",
        "cases_closed",
        "complaints",
        "financial_return",
    ],
    # seed 000 s6: the six outcome headings, then the quarterly monitoring data
    "opcc-dv360": [
        "feel_safer",
        "improved_family_life",
        "reduced_stress",
        "successful_prosecutions",
        "took_positive_action",
        "repeat_victimisation",
        "repeat_decreased_severity",
        "aware_of_services",
        "referred_to_specialist",
        "know_how_to_report",
        "reported_incidents",
        "victim_satisfied",
        "complaints",
        "dash_decreased",
        "adults_to_social_care",
        "children_to_social_care",
        "demand_referrals",
        "demand_pattern",
        "length_of_intervention",
        "contacted_within_24h",
        "referred_to_specialist_share",
        "spend_to_date",
        "equality_diversity",
        "contacted_by_survey_team",
        "passed_to_survey_team",
    ],
    # seed 002 Lot 2 s3.1 survey, s4 outcomes, PI and quarterly report, s7 follow-up
    "target-hardening-2018": [
        "satisfied_end_of_visit",
        "feel_safer",
        "is_safer",
        "works_within_time",
        "referrals_by_organisation",
        "completed_by_service_level",
        "emergency_referrals",
        "refused_service",
        "referral_to_fitting",
        "cost_per_property",
        "complaints",
        "spend_to_date",
        "follow_up_12_months",
    ],
}

# victim-first-2018's computed measures; the eight distance_* moved from missing (issue 11)
VICTIM_FIRST_COMPUTED = {
    "yp_group_sessions",  # seed 002 s7: young people's groups (issue 16 item 1)
    "yp_group_attendance",
    "complaints",  # seed 002 s9, the complaints log (issue 12)
    "referrals_received",
    "quick_questions",  # seed 002 s3.6: quick questions as their own type (issue 14)
    "initial_calls_48h",
    "initial_letters_same_day",
    "initial_home_visits_5wd",
    "outside_contact_timeframes",
    "outside_contact_timeframes_share",
    "initial_contact_only",
    "further_support",
    "not_contactable",
    "not_contactable_reasons",  # exits, issue 11: the reason recorded at closure
    "passed_on",
    "repeat_victims",
    "referrals_protected_characteristics",
    "children_supported",
    "referral_agencies",
    "onward_referrals",
    "onward_referral_agencies",
    "cases_closed",
    "distance_mental_physical_health",
    "distance_shelter_accommodation",
    "distance_family_friends_children",
    "distance_education_skills_employment",
    "distance_social_interactions",
    "distance_outlook_attitudes",
    "distance_finance_benefits",
    "distance_drugs_alcohol",
    # support sessions (issue 11 item 3)
    "telephone_support_only",
    "some_face_to_face",
    "some_web_chat",
    "vps_enabled",
    # the independent Leicestershire Police survey's results (issue 11 item 6; seed 002 s7)
    "cope_and_recover",
    "victim_satisfied",
    "financial_return",  # seed 002 s16: spend in the quarter, open book (issue 16 item 7)
    # restorative justice (issue 16 item 5; seed 002 s3.10, s7)
    "restorative_justice",
}
# Survey and survey-team measures computed from followups (issue 11 item 6)
SURVEY_COMPUTED = {
    # seed 000 s6: victim feels safer, awareness, satisfied 90%, survey team 100%
    "opcc-dv360": {
        "feel_safer",
        "improved_family_life",
        "reduced_stress",
        "aware_of_services",
        "know_how_to_report",
        "victim_satisfied",
        "contacted_by_survey_team",
        "passed_to_survey_team",
    },
    # seed 002 Lot 2 s3.1 (end of visit), s4 (feel safer, is safer), s7 (12 months)
    "target-hardening-2018": {"satisfied_end_of_visit", "feel_safer", "is_safer"},
}

# The targets that used to be in the profiles' `targets:` lists (now on their measures).
TARGETS = {
    ("victim-first-2018", "victim_satisfied"): (0.85, "at_least"),
    ("victim-first-2018", "outside_contact_timeframes"): (0, "at_most"),
    ("victim-first-2018", "outside_contact_timeframes_share"): (0, "at_most"),
    ("opcc-dv360", "contacted_within_24h"): (0.95, "at_least"),
    ("opcc-dv360", "victim_satisfied"): (0.90, "at_least"),
    ("opcc-dv360", "passed_to_survey_team"): (1.0, "at_least"),
    ("target-hardening-2018", "works_within_time"): (None, "at_least"),
}


def _profile(slug):
    profile, errors = read_profile(PROFILES / f"{slug}.yaml")
    assert errors == []
    assert profile is not None
    return profile


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_profile_validates_and_lists_every_seed_measure_in_order(slug):
    profile = _profile(slug)
    assert [m.id for m in profile.measures] == EXPECTED[slug]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_every_not_recorded_measure_says_what_is_missing_and_which_issue(slug):
    for measure in _profile(slug).measures:
        if measure.compute is None:
            assert measure.missing is not None
            assert measure.missing.startswith("needs "), measure.id
            assert re.search(r"issue 1[1-6]\)", measure.missing), measure.id


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_citations_name_the_seed(slug):
    seed = "seed 000" if slug == "opcc-dv360" else "seed 002"
    for measure in _profile(slug).measures:
        assert re.fullmatch(rf"{seed} s\d+(\.\d+)?", measure.citation), measure.id


@pytest.mark.parametrize(("key", "expected"), sorted(TARGETS.items()))
def test_old_targets_are_on_their_measures(key, expected):
    slug, measure_id = key
    measure = _profile(slug).measure(measure_id)
    assert measure is not None
    assert (measure.target, measure.target_direction) == expected


def test_victim_first_keeps_the_seed_s37_rules_in_the_outside_timeframes_measure():
    """seed 002 s7 "dealt with outside timeframes in 3.7": every s3.7 deadline rule, nothing else."""
    profile = _profile("victim-first-2018")
    s37 = {rule.key for rule in profile.deadlines if rule.citation == "seed 002 s3.7"}
    measure = profile.measure("outside_contact_timeframes")
    assert measure is not None
    assert set(measure.params["rules"]) == s37


RECORD_DIMENSIONS = {"agency_type": {"onward_referral"}, "rule": {"task"}}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_breakdowns_that_read_the_record_itself_are_on_figures_of_that_kind(slug):
    """agency_type and rule read a field of the counted record, so a figure of cases broken down
    by them would put every case in "Not known"."""
    kinds = {
        "first_contact_outcome": "case",
        "cases_referred_on": "case",
        "onward_referrals_made": "onward_referral",
        "deadlines_met": "task",
        "deadlines_missed": "task",
    }
    for measure in _profile(slug).measures:
        for key in measure.breakdowns:
            if key in RECORD_DIMENSIONS and measure.compute in kinds:
                assert kinds[measure.compute] in RECORD_DIMENSIONS[key], measure.id


def test_victim_first_computes_distance_travelled_in_its_eight_s7_domains():
    """seed 002 s7: distance travelled across 8 domains, from the s3.9 needs assessment's areas;
    each domain names areas of the profile's needs_assessment section."""
    profile = _profile("victim-first-2018")
    distance = [m for m in profile.measures if m.id.startswith("distance_")]
    assert len(distance) == 8
    assert {m.compute for m in distance} == {"distance_travelled"}
    assert profile.needs_assessment is not None
    assert {m.params["domain"] for m in distance} == set(profile.needs_assessment.domains())
    assert len(profile.needs_assessment.areas) == 9  # s3.9's nine areas


@pytest.mark.parametrize("slug", sorted(SURVEY_COMPUTED))
def test_survey_measures_are_computed_from_the_surveys(slug):
    by_id = {m.id: m for m in _profile(slug).measures}
    for measure_id in SURVEY_COMPUTED[slug]:
        assert by_id[measure_id].compute is not None, measure_id
        assert by_id[measure_id].compute.startswith(("survey", "passed_to_survey_team"))


def test_victim_first_computed_measures_are_pinned():
    computed = {m.id for m in _profile("victim-first-2018").measures if m.compute is not None}
    assert computed == VICTIM_FIRST_COMPUTED


def test_target_hardening_computes_every_measure_issue_13():
    """seed 002 Lot 2 s4: with target hardening jobs recorded (issue 13), every quarterly report
    item is computed: completed by service level, referral to fitting, cost per property and
    spend to date from the items fitted."""
    by_id = {m.id: m for m in _profile("target-hardening-2018").measures}
    assert all(m.compute is not None for m in by_id.values())
    assert by_id["completed_by_service_level"].compute == "target_hardening_completed"
    assert by_id["referral_to_fitting"].compute == "target_hardening_referral_to_fitting"
    assert by_id["cost_per_property"].compute == "target_hardening_cost_per_property"
    assert by_id["spend_to_date"].compute == "target_hardening_spend_to_date"
