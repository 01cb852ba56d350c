"""Every survey measure (issue 11 item 6) run on small hand-built facts: opcc-dv360 (seed 000
s6), target-hardening-2018 (seed 002 Lot 2 s3.1, s4, s7), victim-first-2018 (seed 002 Lot 1 s7),
leicester-safehome-2012 (seed 001 Lot 2 s8) and wokingham-da-2017 (seed 003 s14).

Each test reads the measure from its profile YAML, so the computation and its params are the ones
the return uses. The period is 1 April to 30 June 2026 (see test_measures_contact for the edges).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from haven.reporting.facts import Facts, FollowUpDueFact, SurveyAnswerFact, SurveyFact
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    JUST_BEFORE,
    JUST_INSIDE,
    LAST_MINUTE,
    NOW,
    profile,
    result,
    value,
)

SURVEY_MEASURES = {
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
    "target-hardening-2018": {"satisfied_end_of_visit", "feel_safer", "is_safer"},
    "victim-first-2018": {"cope_and_recover", "victim_satisfied"},
    "leicester-safehome-2012": {"satisfied_with_accommodation_support"},
    "wokingham-da-2017": {"customer_satisfaction"},
    "cornwall-mens-refuge-2021": {"B9"},
}


def facts_of(*surveys: tuple[SurveyFact, dict[str, str]], due=()) -> Facts:
    facts = Facts()
    facts.surveys = [s for s, _ in surveys]
    facts.survey_answers = [
        SurveyAnswerFact(s.id, question, answer)
        for s, answers in surveys
        for question, answer in answers.items()
    ]
    facts.follow_ups_due = list(due)
    return facts


def survey(sid, cid, at: datetime, occasion="follow_up", answers=None, schedule="", declined=False):
    return (
        SurveyFact(sid, cid, occasion, schedule, at, declined),
        {} if declined else answers or {},
    )


@pytest.mark.parametrize("slug", sorted(SURVEY_MEASURES))
def test_each_survey_measure_is_computed_and_cites_its_seed(slug):
    for measure_id in SURVEY_MEASURES[slug]:
        spec = profile(slug).measure(measure_id)
        assert spec is not None
        assert spec.compute is not None, measure_id
        assert spec.citation.startswith("seed 00"), measure_id


def test_dv360_feel_safer_counts_victims_saying_yes_once_each_seed_000_s6():
    facts = facts_of(
        # case 1: no at 1 month, yes at 12 months (both in the quarter): the latest, yes
        survey(1, 1, JUST_INSIDE, answers={"feel_safer": "no"}, schedule="follow_up_1_month"),
        survey(2, 1, INSIDE, answers={"feel_safer": "yes"}, schedule="follow_up_12_months"),
        # case 2: the survey team's results, yes
        survey(3, 2, LAST_MINUTE, "survey_team", {"feel_safer": "yes"}),
        # case 3: not sure; case 4 declined; case 5 outside the quarter
        survey(4, 3, INSIDE, answers={"feel_safer": "not_sure"}),
        survey(5, 4, INSIDE, declined=True),
        survey(6, 5, JUST_BEFORE, answers={"feel_safer": "yes"}),
        survey(7, 5, JUST_AFTER, answers={"feel_safer": "yes"}),
    )
    res = result("opcc-dv360", "feel_safer", facts)
    assert res.value == 2
    assert set(res.figure.numerator) == {2, 3}


def test_dv360_victim_satisfied_share_leaves_declined_out_seed_000_s6_target_90():
    facts = facts_of(
        survey(1, 1, INSIDE, answers={"satisfied": "yes"}),
        survey(2, 2, INSIDE, "survey_team", {"satisfied": "yes"}),
        survey(3, 3, INSIDE, answers={"satisfied": "not_sure"}),
        survey(4, 4, INSIDE, answers={"satisfied": "no"}),
        survey(5, 5, INSIDE, declined=True),
    )
    # 2 yes of 4 answering
    assert value("opcc-dv360", "victim_satisfied", facts) == 0.5
    assert profile("opcc-dv360").measure("victim_satisfied").target == 0.9


def test_dv360_contacted_by_survey_team_counts_declined_too_seed_000_s6():
    facts = facts_of(
        survey(1, 1, INSIDE, "survey_team", {"satisfied": "yes"}),
        survey(2, 2, INSIDE, "survey_team", declined=True),
        survey(3, 3, INSIDE, "follow_up", {"satisfied": "yes"}),
    )
    assert value("opcc-dv360", "contacted_by_survey_team", facts) == 2


def due(tid, cid, rule="follow_up_1_month", at=INSIDE, contacted=True, passed=None, status="open"):
    return FollowUpDueFact(
        tid, cid, rule, at, status, BEFORE if contacted else None, BEFORE, passed
    )


def test_dv360_passed_to_survey_team_of_eligible_victims_seed_000_s6_target_100():
    facts = facts_of(
        due=[
            due(1, 1, passed=INSIDE),  # passed
            due(2, 2, "follow_up_12_months"),  # eligible, not passed
            due(3, 3, contacted=False),  # never contacted: not eligible
            due(4, 4, status="cancelled"),  # cancelled: not eligible
            due(5, 5, at=JUST_AFTER, passed=INSIDE),  # due after the quarter
            due(6, 6, passed=datetime(2026, 8, 1, tzinfo=NOW.tzinfo)),  # passed after now
        ]
    )
    res = result("opcc-dv360", "passed_to_survey_team", facts)
    assert res.value == pytest.approx(1 / 3)
    assert set(res.figure.denominator) == {1, 2, 6}


def test_target_hardening_end_of_visit_satisfaction_seed_002_s3_1():
    facts = facts_of(
        survey(1, 1, INSIDE, "end_of_visit", {"satisfied": "yes", "feel_safer": "yes"}),
        survey(2, 2, INSIDE, "end_of_visit", {"satisfied": "no", "feel_safer": "yes"}),
        survey(3, 3, INSIDE, "follow_up", {"satisfied": "yes", "is_safer": "no"}),
    )
    assert value("target-hardening-2018", "satisfied_end_of_visit", facts) == 0.5
    assert value("target-hardening-2018", "feel_safer", facts) == 1.0
    # seed 002 s7: is safer asked at the 12-month follow-up only
    assert value("target-hardening-2018", "is_safer", facts) == 0.0


def test_victim_first_counts_only_the_police_survey_results_seed_002_s7():
    facts = facts_of(
        survey(1, 1, INSIDE, "survey_team", {"satisfied": "yes", "cope_and_recover": "yes"}),
        survey(2, 2, INSIDE, "survey_team", {"satisfied": "no", "cope_and_recover": "yes"}),
        survey(3, 3, INSIDE, "exit", {"satisfied": "no", "cope_and_recover": "no"}),
    )
    assert value("victim-first-2018", "victim_satisfied", facts) == 0.5
    assert value("victim-first-2018", "cope_and_recover", facts) == 1.0


def test_safe_home_accommodation_satisfaction_seed_001_lot_2_s8():
    facts = facts_of(
        survey(1, 1, INSIDE, "exit", {"satisfied_with_accommodation_support": "yes"}),
        survey(2, 2, INSIDE, "exit", {"satisfied_with_accommodation_support": "not_sure"}),
    )
    assert value("leicester-safehome-2012", "satisfied_with_accommodation_support", facts) == 0.5


def test_wokingham_customer_satisfaction_seed_003_s14():
    facts = facts_of(
        survey(1, 1, INSIDE, "exit", {"satisfied": "yes"}),
        survey(2, 1, LAST_MINUTE, "follow_up", {"satisfied": "yes"}, "follow_up_6_months"),
        survey(3, 2, INSIDE, "follow_up", {"satisfied": "no"}, "follow_up_6_months"),
    )
    assert value("wokingham-da-2017", "customer_satisfaction", facts) == 0.5


def test_cornwall_b9_satisfied_with_the_total_service_seed_004_s10_b9():
    # seed 004 s10 B9: % satisfied (target 85%), the total service from exit and follow-up
    # surveys; the latest answer per service user counts
    facts = facts_of(
        survey(1, 1, JUST_INSIDE, "exit", {"satisfied": "no"}),
        survey(2, 1, LAST_MINUTE, "follow_up", {"satisfied": "yes"}, "follow_up_3_months"),
        survey(3, 2, INSIDE, "exit", {"satisfied": "yes"}),
        survey(4, 3, INSIDE, "exit", {"satisfied": "not_sure"}),
        survey(5, 4, INSIDE, "exit", declined=True),
    )
    assert value("cornwall-mens-refuge-2021", "B9", facts) == 2 / 3
    assert profile("cornwall-mens-refuge-2021").measure("B9").target == 0.85


def test_no_answers_give_no_share():
    assert value("wokingham-da-2017", "customer_satisfaction", Facts()) is None
    assert value("opcc-dv360", "passed_to_survey_team", Facts()) is None
