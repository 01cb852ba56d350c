"""The outcome measures (reporting/measures/outcomes.py) of the Leicester lots (seed 001 s8),
Wokingham (seed 003 s13), Cornwall (seed 004 s10 B2, B6) and DV 360 (seed 000 s6), on small
hand-built facts, read from the profile YAMLs so the computation and params are the ones the
return uses. Quarter 2026-Q1: 1 April to 30 June 2026."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from haven.reporting.facts import CaseFact, Facts, OutcomeAnswerFact, OutcomeAssessmentFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.outcomes import outcome_improved, outcome_reached
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    NOW,
    Q1,
    cell,
    result,
    value,
)

OPENED = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
A, C, P, V = (
    "haven-outcomes-v1",
    "haven-children-v1",
    "haven-perpetrator-v1",
    ("leicester-vs-monitoring-v1"),
)
DOMAINS = {
    # question: (instrument, domain) of the questions used below
    "safe_at_home": (A, "feeling_safer"),
    "safe_out_and_about": (A, "feeling_safer"),
    "running_my_home": (A, "independent_living"),
    "returned_to_work": (A, "steps_taken"),
    "took_positive_action": (A, "steps_taken"),
    "starting_to_recover": (A, "coping_and_recovery"),
    "child_safe_at_home": (C, "feeling_safer"),
    "see_behaviour_as_abusive": (P, "insight"),
    "vs_how_safe_now": (V, "feeling_safer"),
    "vs_physical_harm": (V, "abuse_experienced"),
}


def case(cid: int, closed_at: datetime | None = None) -> CaseFact:
    state = "closed" if closed_at else "engaged"
    return CaseFact(cid, cid, cid, state, "", OPENED, OPENED, closed_at, "", None, None)


def world(*asked: tuple, cases: list[CaseFact]) -> Facts:
    """Each assessment: (case id, stage, when, question: score[, exit form type])."""
    facts = Facts(cases=cases)
    for number, (case_id, stage, at, scores, *rest) in enumerate(asked, start=1):
        aid = f"o{number}"
        instrument = DOMAINS[next(iter(scores))][0] if scores else A
        form_type = rest[0] if rest else ""
        facts.outcome_assessments.append(
            OutcomeAssessmentFact(aid, case_id, instrument, stage, at, not scores, form_type)
        )
        facts.outcome_answers += [
            OutcomeAnswerFact(aid, case_id, instrument, stage, at, q, DOMAINS[q][1], s, True)
            for q, s in scores.items()
        ]
    return facts


def test_safe_home_feel_safer_at_home_counts_cases_whose_exit_score_rose():
    # seed 001 Lot 2 s8: "Victim feels safer at home"
    facts = world(
        (1, "intake", BEFORE, {"safe_at_home": 2}),
        (1, "exit", INSIDE, {"safe_at_home": 4}),  # improved
        (2, "intake", BEFORE, {"safe_at_home": 3}),
        (2, "exit", INSIDE, {"safe_at_home": 3}),  # the same: not improved
        (3, "intake", BEFORE, {"safe_at_home": 1}),
        (3, "exit", JUST_AFTER, {"safe_at_home": 5}),  # exit after the quarter
        (4, "intake", BEFORE, {"safe_at_home": 1}),  # no exit, still open
        cases=[case(1), case(2), case(3), case(4)],
    )
    res = result("leicester-safehome-2012", "feel_safer_at_home", facts)
    assert (res.value, res.figure.numerator, res.figure.denominator) == (0.5, (1,), (1, 2))


def test_a_case_closed_without_an_exit_compares_its_latest_review():
    # seed 001 Lot 2 s8: confidence in independent living; review stands in for a missed exit
    facts = world(
        (1, "intake", BEFORE, {"running_my_home": 2}),
        (1, "review", INSIDE - timedelta(days=5), {"running_my_home": 4}),
        (2, "intake", BEFORE, {"running_my_home": 2}),
        (2, "review", INSIDE, {"running_my_home": 4}),  # open: not counted yet
        cases=[case(1, closed_at=INSIDE), case(2)],
    )
    assert value("leicester-safehome-2012", "confidence_in_independent_living", facts) == 1.0


def test_questions_skipped_at_one_end_neither_help_nor_hurt():
    # seed 003 s13: perceived safety increases between entry and exit
    facts = world(
        (1, "intake", BEFORE, {"safe_at_home": 2, "safe_out_and_about": 5}),
        (1, "exit", INSIDE, {"safe_at_home": 3}),  # safe_out_and_about skipped at exit
        cases=[case(1, closed_at=INSIDE)],
    )
    assert value("wokingham-da-2017", "perceived_safety_increased", facts) == 1.0


def test_wokingham_perceived_safety_is_broken_down_for_children_and_adults():
    # seed 003 s13: "(children and adults)"; a child's answers come from the children's questions
    facts = world(
        (1, "intake", BEFORE, {"child_safe_at_home": 2}),
        (1, "exit", INSIDE, {"child_safe_at_home": 4}),
        cases=[case(1, closed_at=INSIDE)],
    )
    res = result("wokingham-da-2017", "perceived_safety_increased", facts)
    assert res.value == 1.0
    assert [b.key for b in res.breakdowns] == ["child_or_adult"]


def test_victim_survivor_reduction_in_dv_is_self_reported_abuse_becoming_less_often():
    # seed 001 Lot 3 s8: "There is a reduction in domestic violence" (intake and exit forms)
    facts = world(
        (1, "intake", BEFORE, {"vs_physical_harm": 1}),
        (1, "exit", INSIDE, {"vs_physical_harm": 4}, "standard"),
        (2, "intake", BEFORE, {"vs_physical_harm": 3}),
        (2, "exit", INSIDE, {"vs_physical_harm": 2}, "criminal_justice"),
        cases=[case(1, closed_at=INSIDE), case(2, closed_at=INSIDE)],
    )
    assert value("leicester-victim-survivor-2012", "reduction_in_dv", facts) == 0.5


def test_victim_survivor_exit_forms_are_counted_by_type():
    # seed 001 Lot 3 s8: "Number of exit forms completed (specify criminal justice and standard)"
    facts = world(
        (1, "exit", INSIDE, {"vs_how_safe_now": 4}, "standard"),
        (2, "exit", INSIDE, {"vs_how_safe_now": 4}, "criminal_justice"),
        (3, "exit", INSIDE, {"vs_how_safe_now": 4}, "criminal_justice"),
        (4, "exit", INSIDE, {}, "standard"),  # declined: no form completed
        (5, "exit", JUST_AFTER, {"vs_how_safe_now": 4}, "standard"),
        cases=[case(i, closed_at=INSIDE) for i in range(1, 6)],
    )
    facts.labels[("exit_form_type", "criminal_justice")] = "Criminal justice"
    res = result("leicester-victim-survivor-2012", "exit_forms_by_type", facts)
    assert res.value == 3
    assert cell(res, "exit_form_type", "criminal_justice").value == 2
    assert cell(res, "exit_form_type", "standard").value == 1


def test_perpetrator_gain_insight():
    # seed 001 Lot 4 s8: "Perpetrators gain insight into own behaviour, causes and impact" (65%)
    facts = world(
        (1, "intake", BEFORE, {"see_behaviour_as_abusive": 1}),
        (1, "exit", INSIDE, {"see_behaviour_as_abusive": 4}),
        cases=[case(1, closed_at=INSIDE)],
    )
    assert value("leicester-perpetrator-2012", "gain_insight", facts) == 1.0


def test_family_children_feel_safe_at_home_is_the_share_at_exit_mostly_or_always_safe():
    # seed 001 Lot 1 s8: "Children and young people feel safe at home" (80%)
    facts = world(
        (1, "exit", INSIDE, {"child_safe_at_home": 4}),
        (2, "exit", INSIDE, {"child_safe_at_home": 3}),
        cases=[case(1, closed_at=INSIDE), case(2, closed_at=INSIDE)],
    )
    assert value("leicester-family-2012", "children_feel_safe_at_home", facts) == 0.5


def test_wokingham_return_to_work_counts_the_yes_answers_at_exit():
    # seed 003 s13: "Increased independence for survivors: return to work"
    facts = world(
        (1, "exit", INSIDE, {"returned_to_work": 1}),
        (2, "exit", INSIDE, {"returned_to_work": 0}),
        cases=[case(1, closed_at=INSIDE), case(2, closed_at=INSIDE)],
    )
    assert value("wokingham-da-2017", "independence_return_to_work", facts) == 1


def test_dv360_took_positive_action():
    # seed 000 s6: "The number of victims who have taken action to positively change their
    # situation"
    facts = world(
        (1, "exit", INSIDE, {"took_positive_action": 1}),
        (2, "exit", INSIDE, {"took_positive_action": 1}),
        cases=[case(1, closed_at=INSIDE), case(2, closed_at=INSIDE)],
    )
    assert value("opcc-dv360", "took_positive_action", facts) == 2


def test_cornwall_b2_is_the_share_of_closures_with_an_answered_exit_assessment():
    # seed 004 s10 B2: "Outcome Tools to be used with all residents: at episode closure"
    facts = world(
        (1, "exit", INSIDE - timedelta(days=1), {"starting_to_recover": 3}),
        (2, "exit", INSIDE - timedelta(days=1), {}),  # declined
        cases=[case(1, closed_at=INSIDE), case(2, closed_at=INSIDE), case(3, closed_at=INSIDE)],
    )
    res = result("cornwall-mens-refuge-2021", "B2", facts)
    assert res.figure.numerator == (1,)
    assert len(res.figure.denominator) == 3


def test_cornwall_b6_improving_recovery():
    # seed 004 s10 B6: "% improving recovery (all)", target 80%
    facts = world(
        (1, "intake", BEFORE, {"starting_to_recover": 2}),
        (1, "exit", INSIDE, {"starting_to_recover": 3}),
        cases=[case(1, closed_at=INSIDE)],
    )
    assert value("cornwall-mens-refuge-2021", "B6", facts) == 1.0


def test_a_domain_or_a_question_must_be_given_and_at_least_must_be_whole():
    ctx = MeasureContext(facts=Facts(), period=Q1, now=NOW)
    with pytest.raises(ValueError, match="exactly one of domain or question"):
        outcome_improved(ctx)
    with pytest.raises(ValueError, match="whole number"):
        outcome_reached(ctx, question="returned_to_work", at_least=True)
