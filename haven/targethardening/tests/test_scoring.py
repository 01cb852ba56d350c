"""The Home Security Assessment's score and service level (seed 002 Lot 2 s3.1), over plain
values: the score is the points of what applies; the level the highest threshold reached."""

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.contracts.profiles.validate import find_profile, load_profile
from haven.targethardening.scoring import UnknownAnswerError, assess


@dataclass(frozen=True)
class Q:
    key: str
    label: str
    points: int


@dataclass(frozen=True)
class L:
    level: int
    from_score: int


QUESTIONS = [Q("no_door_chain", "No door chain", 3), Q("no_viewer", "No door viewer", 1)]
FACTORS = [Q("knows_address", "The perpetrator knows the address", 3)]
LEVELS = [L(1, 0), L(2, 5), L(3, 10)]


def test_the_score_adds_the_points_and_explains_them_seed_002_lot_2_s3_1():
    assessed = assess(
        QUESTIONS,
        FACTORS,
        LEVELS,
        concerns={"no_door_chain", "no_viewer"},
        vulnerabilities={"knows_address"},
    )
    assert (assessed.score, assessed.level) == (7, 2)
    assert assessed.explanation == (
        "score 7: 3 for no door chain, 1 for no door viewer, "
        "3 for the perpetrator knows the address; level 2 from 5 points"
    )


def test_nothing_found_is_level_1_advice():
    assessed = assess(QUESTIONS, FACTORS, LEVELS, concerns=(), vulnerabilities=())
    assert (assessed.score, assessed.level) == (0, 1)
    assert assessed.explanation == "score 0: no concern found; level 1 from 0 points"


def test_a_threshold_reached_exactly_sets_the_level():
    levels = [L(1, 0), L(2, 3), L(3, 4)]
    assert (
        assess(QUESTIONS, FACTORS, levels, concerns={"no_door_chain"}, vulnerabilities=()).level
        == 2
    )
    both = assess(
        QUESTIONS, FACTORS, levels, concerns={"no_door_chain", "no_viewer"}, vulnerabilities=()
    )
    assert both.level == 3


def test_an_answer_the_profile_does_not_list_is_refused():
    with pytest.raises(UnknownAnswerError, match="made_up"):
        assess(QUESTIONS, FACTORS, LEVELS, concerns={"made_up"}, vulnerabilities=())


def test_the_shipped_profile_scores_with_its_own_questions():
    spec = load_profile(find_profile("target-hardening-2018")).target_hardening
    assert spec is not None
    rules = spec.assessment
    every = assess(
        rules.questions,
        rules.vulnerability_factors,
        rules.levels,
        concerns={q.key for q in rules.questions},
        vulnerabilities={f.key for f in rules.vulnerability_factors},
    )
    assert every.level == 3


keys = st.sets(st.sampled_from(["no_door_chain", "no_viewer"]))
factor_keys = st.sets(st.sampled_from(["knows_address"]))


@given(keys, keys, factor_keys)
def test_finding_more_never_lowers_the_score_or_the_level(first, more, factors):
    """Monotone: a concern added never lowers the score or the service level."""
    fewer = assess(QUESTIONS, FACTORS, LEVELS, concerns=first, vulnerabilities=factors)
    extra = assess(QUESTIONS, FACTORS, LEVELS, concerns=first | more, vulnerabilities=factors)
    assert extra.score >= fewer.score
    assert extra.level >= fewer.level


@given(
    st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=30),
    st.integers(min_value=1, max_value=30),
    st.data(),
)
def test_the_level_is_the_highest_threshold_reached(points, gap_2, gap_3, data):
    questions = [Q(f"q{i}", f"Question {i}", p) for i, p in enumerate(points)]
    levels = [L(1, 0), L(2, gap_2), L(3, gap_2 + gap_3)]
    chosen = data.draw(st.sets(st.sampled_from([q.key for q in questions])))
    assessed = assess(questions, [], levels, concerns=chosen, vulnerabilities=())
    assert assessed.score == sum(q.points for q in questions if q.key in chosen)
    expected = 3 if assessed.score >= gap_2 + gap_3 else 2 if assessed.score >= gap_2 else 1
    assert assessed.level == expected
