"""The case state table: every allowed move is accepted and every other one refused."""

import itertools

import pytest

from haven.casework.transitions import (
    ALLOWED,
    STATES,
    TransitionRefusedError,
    check_transition,
    waiting_list_refusal,
)

ALLOWED_PAIRS = {(a, b) for a, targets in ALLOWED.items() for b in targets}
REFUSED_PAIRS = set(itertools.product(STATES, STATES)) - ALLOWED_PAIRS

EXPECTED = {
    ("new", "contacting"),
    ("new", "engaged"),
    ("new", "waiting_list"),
    ("new", "declined"),
    ("new", "not_contactable"),
    ("new", "closed"),
    ("contacting", "engaged"),
    ("contacting", "waiting_list"),
    ("contacting", "declined"),
    ("contacting", "not_contactable"),
    ("contacting", "closed"),
    ("engaged", "waiting_list"),
    ("engaged", "declined"),
    ("engaged", "closed"),
    ("waiting_list", "contacting"),
    ("waiting_list", "engaged"),
    ("waiting_list", "declined"),
    ("waiting_list", "closed"),
    ("declined", "contacting"),
    ("declined", "closed"),
    ("not_contactable", "contacting"),
    ("not_contactable", "closed"),
}


def test_the_table_is_the_documented_one():
    assert ALLOWED_PAIRS == EXPECTED


@pytest.mark.parametrize(("current", "target"), sorted(ALLOWED_PAIRS))
def test_an_allowed_transition_is_accepted(current, target):
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), sorted(REFUSED_PAIRS))
def test_any_other_transition_is_refused_with_a_reason(current, target):
    with pytest.raises(TransitionRefusedError, match=r"\w"):
        check_transition(current, target)


def test_a_closed_case_goes_nowhere():
    assert ALLOWED["closed"] == frozenset()


def test_an_unknown_state_is_refused():
    with pytest.raises(TransitionRefusedError, match="not a case state"):
        check_transition("new", "archived")


def test_exempt_cohorts_never_wait():
    # seed 003 s7: never a waiting list for children on a child protection plan
    refusal = waiting_list_refusal(
        allowed=True,
        exempt_cohorts=["yos_plan", "child_protection_plan"],
        person_cohorts=["child_protection_plan"],
    )
    assert refusal is not None
    assert "child protection plan" in refusal


def test_others_may_wait_where_the_contract_has_a_waiting_list():
    assert (
        waiting_list_refusal(allowed=True, exempt_cohorts=["yos_plan"], person_cohorts=[]) is None
    )
    assert (
        waiting_list_refusal(allowed=False, exempt_cohorts=[], person_cohorts=[])
        == "This contract has no waiting list"
    )
