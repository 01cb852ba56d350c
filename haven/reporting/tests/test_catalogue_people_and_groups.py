"""The measures catalogues of the four Leicester City 2012 lots (seed 001): each profile validates
against the registered computations, lists every figure the seed asks for (s6 under-represented
groups, s8 outcomes and outputs, s14 equality, performance and finance reports) in the seed's
order, carries the 2012-13 outcome targets, and every measure Haven cannot compute yet says what
is missing and which issue brings it."""

from __future__ import annotations

import pytest

from haven.contracts.profiles.validate import find_profile, read_profile

GROUPS = [
    "urg_any", "urg_over_60", "urg_male", "urg_16_25", "urg_bme", "urg_refugee", "urg_nrpf",
    "urg_disabled", "urg_lgbt", "urg_language",
]  # fmt: skip

EXPECTED = {
    # seed 001 Lot 1 s6, s8 (outcomes, then key outputs), s14
    "leicester-family-2012": [
        *GROUPS,
        "understanding_impact", "information_sharing", "children_feel_safe_at_home",
        "education_attendance", "children_engage_in_support", "parents_carers_engage_in_support",
        "healthier_relationships", "reduction_in_dv", "awareness_locally",
        "attitudes_supportive_of_dv", "parents_positive_parenting", "children_safer", "seb_skills",
        "reintegration_plan",
        "families_referred", "children_in_families", "repeat_referrals", "dv_groups_completed",
        "respect_toolkit_groups_completed", "people_commencing_groups",
        "people_completing_groups", "training_awareness_sessions", "community_events",
        "one_to_one_support_hours", "cafs_completed", "safeguarding_meeting_inputs",
        "cases_opened", "cases_closed", "dash_completed", "creche_hours", "cyp_accessing",
        "cyp_accessing_by_service_element", "complaints_received", "complaints_resolved",
        "equality_clients", "equality_staff_volunteers",
        "risk_level", "risk_factors", "co_morbidity_mental_health", "co_morbidity_substance_use",
        "needs_at_referral", "needs_assessed",
        "needs_assessed_safety", "needs_assessed_emotional_wellbeing", "needs_assessed_education",
        "needs_assessed_health_development", "needs_assessed_relationships",
        "needs_assessed_parenting", "needs_assessed_family_environment",
        "work_undertaken", "referrals_to_cyps",
        "referral_patterns", "spend_against_projection", "spend_projection",
        "spend_projection_next_quarter",
    ],
    # seed 001 Lot 2 s6, s8, s14 (housing tenure at entry and exit)
    "leicester-safehome-2012": [
        *GROUPS,
        "feel_safer_at_home", "timely_move_on", "confidence_in_independent_living",
        "maintained_independent_living", "moved_on_independent_living",
        "satisfied_with_accommodation_support", "housing_options_managed",
        "referrals", "cases_opened", "own_homes_secured", "perpetrators_alternative_accommodation",
        "homelessness_applications", "housing_transfers", "private_rentals_secured",
        "cases_closed", "temporary_supported_placements", "repeat_referrals",
        "other_housing_solutions",
        "equality_clients", "equality_staff_volunteers",
        "housing_tenure_entry", "housing_tenure_exit", "interventions",
        "spend_against_projection", "spend_projection", "spend_projection_next_quarter",
    ],
    # seed 001 Lot 3 s6, s8, s14 (with the monthly CAADA Insights submission)
    "leicester-victim-survivor-2012": [
        *GROUPS,
        "feel_safer", "reduction_in_dv", "improved_health_wellbeing", "reflect_local_community",
        "engage_in_support", "positive_change_practice", "clear_what_to_expect",
        "service_users_positive_referral", "stakeholders_positive_referral", "service_adapted",
        "stakeholders_confident",
        "safety_plans", "intake_forms", "dash_completed", "marac_referrals",
        "volunteers_recruited", "staff_training_sessions", "staff_supervision_sessions",
        "risk_assessments_within_24h", "exit_forms", "exit_forms_by_type", "people_accessing",
        "volunteers_trained", "volunteer_supervision_sessions", "call_backs",
        "telephone_support_hours", "telephone_counselling_hours", "caf_submissions",
        "repeat_referrals", "complaints_received", "complaints_resolved", "court_sessions",
        "out_of_hours_interventions", "out_of_hours_helpline_calls",
        "equality_clients", "equality_staff_volunteers", "spend_against_projection",
        "spend_projection", "spend_projection_next_quarter",
        "insights_forms",
    ],
    # seed 001 Lot 4 s6, s8, s14
    "leicester-perpetrator-2012": [
        *GROUPS,
        "self_referrals", "reduction_in_dv", "gain_insight", "motivated_to_change",
        "local_knowledge_what_works", "information_exchanged", "engage_and_complete_programme",
        "referrals_received", "perpetrators_starting_groups", "perpetrators_finishing_groups",
        "groups_completed", "groups_started", "one_to_one_sessions", "pre_group_assessments",
        "multi_agency_meetings", "pre_group_contacts", "repeat_referrals", "repeat_incidents",
        "referrals_made", "cases_opened", "complaints_received", "complaints_resolved",
        "cases_closed", "training_sessions", "community_events",
        "equality_clients", "equality_staff_volunteers",
        "interventions", "justice_involvement", "needs_at_referral", "needs_assessed",
        "needs_assessed_motivation", "needs_assessed_insight", "needs_assessed_children_parenting",
        "needs_assessed_relationships", "needs_assessed_drugs_alcohol",
        "needs_assessed_mental_health", "needs_assessed_accommodation",
        "needs_assessed_employment_finance",
        "family_circumstance", "spend_against_projection", "spend_projection",
        "spend_projection_next_quarter",
    ],
}  # fmt: skip

# seed 001 s8: the 2012-13 outcome targets (formerly the profiles' `targets:` lists).
TARGETS = {
    "leicester-family-2012": {
        "children_feel_safe_at_home": 0.80,
        "children_engage_in_support": 0.65,
        "parents_carers_engage_in_support": 0.65,
    },
    "leicester-safehome-2012": {
        "confidence_in_independent_living": 0.75,
        "satisfied_with_accommodation_support": 0.85,
    },
    "leicester-victim-survivor-2012": {
        "feel_safer": 0.80,
        "reduction_in_dv": 0.65,
        "improved_health_wellbeing": 0.75,
        "engage_in_support": 0.70,
        "stakeholders_confident": 0.80,
    },
    "leicester-perpetrator-2012": {
        "self_referrals": 50,
        "gain_insight": 0.65,
        "motivated_to_change": 0.65,
        "local_knowledge_what_works": 0.60,
        "information_exchanged": 0.70,
        "engage_and_complete_programme": 0.65,
    },
}
LOT = {
    "leicester-family-2012": 1,
    "leicester-safehome-2012": 2,
    "leicester-victim-survivor-2012": 3,
    "leicester-perpetrator-2012": 4,
}


def _profile(slug):
    profile, errors = read_profile(find_profile(slug))
    assert errors == []
    assert profile is not None
    return profile


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_seed_001_catalogue_lists_every_figure_in_the_seeds_order(slug):
    assert [m.id for m in _profile(slug).measures] == EXPECTED[slug]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_seed_001_s8_outcome_targets_2012_13(slug):
    targets = {m.id: m.target for m in _profile(slug).measures if m.target is not None}
    assert targets == TARGETS[slug]


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_seed_001_not_recorded_measures_say_what_is_missing_and_which_issue(slug):
    for measure in _profile(slug).measures:
        if measure.compute is None:
            assert measure.missing is not None
            assert measure.missing.startswith("needs "), measure.id
            assert "issue" in measure.missing, measure.id


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_seed_001_measures_cite_their_lot(slug):
    for measure in _profile(slug).measures:
        assert measure.citation.startswith(f"seed 001 Lot {LOT[slug]} s"), measure.id
