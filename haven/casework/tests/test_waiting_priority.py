"""The waiting list's order, explained (seed 003 s7: "prioritises each individual on risk
levels, need and vulnerability"): a pure function tested with plain values."""

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.casework.waiting_priority import PriorityInputs, Waiter, rank

NOW = datetime(2026, 12, 7, 9, tzinfo=UTC)


def waiter(key, days=1, **inputs):
    return Waiter(key=key, joined_at=NOW - timedelta(days=days), inputs=PriorityInputs(**inputs))


def keys(ranked):
    return [row.key for row in ranked]


def test_seed_003_s7_risk_comes_before_need_and_vulnerability():
    ranked = rank(
        [
            waiter("standard", risk_level="standard", children=4, vulnerabilities=("disability",)),
            waiter("high", risk_level="high"),
            waiter("medium", risk_level="medium", children=1),
        ],
        now=NOW,
    )
    assert keys(ranked) == ["high", "medium", "standard"]
    assert [row.position for row in ranked] == [1, 2, 3]


def test_seed_003_s7_a_higher_dash_score_first_within_the_same_risk_level():
    ranked = rank(
        [
            waiter("a", risk_level="high", dash_score=14),
            waiter("b", risk_level="high", dash_score=18),
        ],
        now=NOW,
    )
    assert keys(ranked) == ["b", "a"]


def test_seed_003_s7_need_then_vulnerability_then_time_waiting():
    ranked = rank(
        [
            waiter("older", days=30, risk_level="medium"),
            waiter("vulnerable", days=2, risk_level="medium", vulnerabilities=("aged 19",)),
            waiter("children", days=1, risk_level="medium", children=2),
            waiter("newer", days=3, risk_level="medium"),
        ],
        now=NOW,
    )
    assert keys(ranked) == ["children", "vulnerable", "older", "newer"]


def test_the_profile_order_decides_which_comes_first():
    ranked = rank(
        [waiter("risk", risk_level="high"), waiter("vulnerable", vulnerabilities=("disability",))],
        now=NOW,
        order=["vulnerability", "risk", "need"],
    )
    assert keys(ranked) == ["vulnerable", "risk"]


def test_a_case_not_yet_assessed_sits_between_medium_and_standard():
    ranked = rank(
        [
            waiter("standard", risk_level="standard"),
            waiter("unknown"),
            waiter("m", risk_level="medium"),
        ],
        now=NOW,
    )
    assert keys(ranked) == ["m", "unknown", "standard"]
    assert ranked[1].explanation.startswith("Risk not yet assessed")


def test_the_explanation_names_each_part_and_the_wait():
    [row] = rank(
        [waiter("a", days=12, risk_level="high", dash_score=16, children=2)],
        now=NOW,
    )
    assert row.explanation == (
        "High risk (DASH 16); 2 children in the household; no vulnerability recorded; "
        "waiting 12 days"
    )
    assert row.days_waiting == 12


inputs = st.builds(
    PriorityInputs,
    risk_level=st.sampled_from(["high", "medium", "standard", ""]),
    dash_score=st.none() | st.integers(0, 27),
    children=st.integers(0, 6),
    needs=st.lists(
        st.sampled_from(["mental health support", "substance use support"]), max_size=2
    ).map(tuple),
    vulnerabilities=st.lists(
        st.sampled_from(["disability", "aged 19", "pregnant"]), max_size=3
    ).map(tuple),
)
waiters = st.lists(
    st.builds(
        Waiter,
        key=st.uuids().map(str),
        joined_at=st.integers(0, 400).map(lambda d: NOW - timedelta(days=d)),
        inputs=inputs,
    ),
    max_size=12,
    unique_by=lambda w: w.key,
)
# the machine is shared: slow generation under load is not a failure
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RANK = {"high": 4, "medium": 3, "": 2, "standard": 1}


@PROPERTY
@given(waiters)
def test_the_order_is_a_permutation_whatever_the_input_order(people):
    ranked = rank(people, now=NOW)
    assert sorted(keys(ranked)) == sorted(w.key for w in people)
    assert keys(rank(list(reversed(people)), now=NOW)) == keys(ranked)


@PROPERTY
@given(waiters)
def test_nobody_is_placed_above_someone_at_higher_risk(people):
    by_key = {w.key: w for w in people}
    levels = [RANK[by_key[row.key].inputs.risk_level] for row in rank(people, now=NOW)]
    assert levels == sorted(levels, reverse=True)


@PROPERTY
@given(waiters)
def test_among_equals_the_longer_wait_comes_first(people):
    same = [Waiter(key=w.key, joined_at=w.joined_at) for w in people]
    joined = [row.days_waiting for row in rank(same, now=NOW)]
    assert joined == sorted(joined, reverse=True)
