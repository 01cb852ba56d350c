"""The outcome measures each profile computes (issue 11 item 5) are pinned, and every one names a
domain or question of an instrument its profile's `outcomes:` section asks (the profile schema
cannot see the instruments, which live in the outcomes app above it)."""

from __future__ import annotations

import pytest

from haven.outcomes.instrument import instruments
from haven.reporting.tests.test_measures_contact import profile

OUTCOME_COMPUTATIONS = {
    "outcome_improved",
    "outcome_reached",
    "outcome_forms",
    "outcome_exit_coverage",
}
COMPUTED = {
    # seed 001 Lot 1 s8
    "leicester-family-2012": {
        "understanding_impact",
        "children_feel_safe_at_home",
        "healthier_relationships",
        "attitudes_supportive_of_dv",
        "parents_positive_parenting",
        "children_safer",
        "seb_skills",
    },
    # seed 001 Lot 4 s8
    "leicester-perpetrator-2012": {"gain_insight", "motivated_to_change"},
    # seed 001 Lot 2 s8
    "leicester-safehome-2012": {"feel_safer_at_home", "confidence_in_independent_living"},
    # seed 001 Lot 3 s8 (and s14: the monthly forms)
    "leicester-victim-survivor-2012": {
        "intake_forms",
        "exit_forms",
        "insights_forms",
        "feel_safer",
        "reduction_in_dv",
        "improved_health_wellbeing",
        "exit_forms_by_type",
    },
    # seed 003 s13
    "wokingham-da-2017": {
        "empowerment_increased",
        "independence_hope_and_goals",
        "independence_support_networks",
        "independence_financial_support",
        "independence_return_to_work",
        "independence_education_training",
        "perceived_safety_increased",
        "wellbeing_increased",
        # perpetrators: increased self-awareness (issue 16, the perpetrator questions)
        "perpetrator_self_awareness",
    },
    # seed 004 s10
    "cornwall-mens-refuge-2021": {"B2", "B6"},
    # seed 000 s6
    "opcc-dv360": {"took_positive_action"},
}


@pytest.mark.parametrize("slug", sorted(COMPUTED))
def test_the_outcome_measures_computed_are_pinned(slug):
    computed = {m.id for m in profile(slug).measures if m.compute in OUTCOME_COMPUTATIONS}
    assert computed == COMPUTED[slug]


@pytest.mark.parametrize("slug", sorted(COMPUTED))
def test_each_outcome_measure_names_what_its_profile_asks(slug):
    loaded = profile(slug)
    assert loaded.outcomes is not None
    asked = [instruments()[use.instrument] for use in loaded.outcomes.instruments]
    for measure in loaded.measures:
        if measure.compute not in OUTCOME_COMPUTATIONS:
            continue
        params = measure.params
        pool = [i for i in asked if params.get("instrument") in (None, i.key)]
        assert pool, measure.id
        if "domain" in params:
            assert any(params["domain"] in {d.key for d in i.domains} for i in pool), measure.id
        if "question" in params:
            assert any(i.question(params["question"]) for i in pool), measure.id


def test_family_and_perpetrator_reduction_in_dv_come_from_risk_and_incidents():
    # seed 001 Lot 1 and Lot 4 s8: reduction in domestic violence, from the records of issue 12
    # (issue 16): the family lot's DASH of the adult victim, the perpetrator lot's new incidents
    family = profile("leicester-family-2012").measure("reduction_in_dv")
    perpetrator = profile("leicester-perpetrator-2012").measure("reduction_in_dv")
    assert family is not None
    assert family.compute == "risk_reduced_at_closure"
    assert perpetrator is not None
    assert perpetrator.compute == "closed_without_further_incident"


@pytest.mark.parametrize("slug", sorted(COMPUTED))
def test_shares_are_percentages_and_counts_are_counts(slug):
    for measure in profile(slug).measures:
        if measure.compute not in OUTCOME_COMPUTATIONS:
            continue
        share = measure.compute in {"outcome_improved", "outcome_exit_coverage"} or bool(
            measure.params.get("share")
        )
        assert measure.unit == ("percentage" if share else "count"), measure.id
