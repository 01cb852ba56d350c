"""Which attempt meets which action and counts towards which task (pure)."""

import datetime as dt

import pytest

from haven.casework import first_contact
from haven.casework.first_contact import (
    completion,
    counts_towards,
    final_letter_needed,
    meets,
    safe_contact_channels,
)
from haven.deadlines.rules import Action

T = dt.datetime(2026, 12, 1, 10, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("action", "channel", "outcome", "expected"),
    [
        ("phone_contact", "phone", "reached", True),
        ("phone_contact", "phone", "no_answer", False),
        ("phone_contact", "phone", "voicemail_left", False),
        ("phone_contact", "visit", "visit_done", False),
        ("letter_sent", "letter", "letter_sent", True),
        ("email_sent", "email", "email_sent", True),
        ("sms_sent", "sms", "sms_sent", True),
        ("visit_done", "visit", "visit_done", True),
        ("visit_done", "visit", "visit_no_answer", False),
        ("visit_offered", "sms", "sms_sent", True),
        ("contact_any", "email", "email_sent", True),
        ("contact_any", "phone", "voicemail_left", False),
        ("risk_assessment", "phone", "reached", False),
    ],
)
def test_what_meets_each_action(action, channel, outcome, expected):
    assert meets(action, channel, outcome) is expected


def test_phone_tasks_count_phone_attempts_only():
    assert counts_towards("phone_contact", "phone")
    assert not counts_towards("phone_contact", "letter")
    assert not counts_towards("letter_sent", "letter")


def test_done_at_the_due_time_is_met_and_a_second_later_is_late():
    assert completion(T, T).status == "met"
    assert completion(T, T + dt.timedelta(seconds=1)).status == "breached"


def test_a_voicemail_is_checked_as_a_call_and_a_voicemail():
    assert safe_contact_channels("phone", "voicemail_left") == ["phone", "voicemail"]
    assert safe_contact_channels("letter", "letter_sent") == ["letter"]


def test_the_final_letter_is_due_only_after_the_limit_without_contact():
    # seed 002 s3.7: 3 attempts, then the final letter
    assert final_letter_needed(attempt_limit=3, unsuccessful_attempts=3, contacted=False)
    assert not final_letter_needed(attempt_limit=3, unsuccessful_attempts=2, contacted=False)
    assert not final_letter_needed(attempt_limit=3, unsuccessful_attempts=5, contacted=True)
    assert not final_letter_needed(attempt_limit=None, unsuccessful_attempts=9, contacted=False)


def test_every_deadline_action_is_met_one_way_only():
    # an attempt, the risk checklist, or staff marking it done: a new action must pick one
    ways = [
        first_contact.FIRST_CONTACT_ACTIONS,
        first_contact.RISK_CHECKLIST_ACTIONS,
        first_contact.MARKED_DONE_ACTIONS,
        first_contact.RECORDED_ELSEWHERE_ACTIONS,
    ]
    for action in Action:
        assert sum(action.value in way for way in ways) == 1, action


def test_an_attempt_made_for_one_follow_up_touches_only_it_even_when_another_is_due_first():
    # issue 11 item 6 / seed 000 s5: the 12-month follow-up's contact never meets the 1-month one
    from dataclasses import dataclass as _dataclass

    @_dataclass
    class _Task:
        action: str
        rule_key: str

    one = _Task("contact_any", "follow_up_1_month")
    twelve = _Task("contact_any", "follow_up_12_months")
    touched = first_contact.attempt_effects(
        [one, twelve],
        channel="phone",
        outcome="reached",
        is_final_letter=False,
        case_closed=True,
        for_task=twelve,
    )
    assert [task for task, _ in touched] == [twelve]
    assert touched[0][1].meets
