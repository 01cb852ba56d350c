"""Which recorded attempt meets which deadline action, and when the final letter is due. Pure.

contracts.md "Deadline semantics": a deadline is met when the qualifying action is recorded at
or before it; attempts count separately, and only a successful contact or the final letter
ends the first-contact task.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

SUCCESS = frozenset({"reached", "visit_done"})
SENT = frozenset({"letter_sent", "email_sent", "sms_sent"})
UNSUCCESSFUL = frozenset({"no_answer", "voicemail_left", "visit_no_answer"})
FIRST_CONTACT_ACTIONS = frozenset(
    {
        "phone_contact",
        "letter_sent",
        "email_sent",
        "sms_sent",
        "visit_done",
        "visit_offered",
        "contact_any",
    }
)
FINAL_LETTER_KEY = "final_letter"
# Met by completing the risk checklist (haven.risk), not by an attempt or by hand.
RISK_CHECKLIST_ACTIONS = frozenset({"risk_assessment"})
# Deadlines no recorded event meets: staff mark them done, saying when (Haven's reading).
# A data-quality task (issue 10 s3) asks for a field the return needs: marked done by hand, on a
# closed case too (the return's data is corrected after closure).
DATA_QUALITY_ACTION = "data_quality"
MARKED_DONE_ACTIONS = frozenset(
    {"needs_assessment", "support_plan", "review", "marac_referral", "report", DATA_QUALITY_ACTION}
)
# Met by a record of another app, never by hand: the refuge's stay limit (seed 004 s7.3) is met
# by moving out before it or by recording the extension (haven.refuge).
RECORDED_ELSEWHERE_ACTIONS = frozenset({"stay_limit"})

# Which attempts an action counts, and which outcome meets it.
_COUNTS: dict[str, frozenset[str]] = {
    "phone_contact": frozenset({"phone"}),
    "visit_done": frozenset({"visit"}),
    "contact_any": frozenset({"phone", "visit", "sms", "email", "letter"}),
}
_MEETS: dict[str, frozenset[tuple[str, str]]] = {
    "phone_contact": frozenset({("phone", "reached")}),
    "letter_sent": frozenset({("letter", "letter_sent")}),
    "email_sent": frozenset({("email", "email_sent")}),
    "sms_sent": frozenset({("sms", "sms_sent")}),
    "visit_done": frozenset({("visit", "visit_done")}),
    "visit_offered": frozenset({("letter", "letter_sent"), ("sms", "sms_sent")}),
    # Haven's reading: an enquiry is "responded to" by speaking, visiting or writing back.
    "contact_any": frozenset(
        {
            ("phone", "reached"),
            ("visit", "visit_done"),
            ("letter", "letter_sent"),
            ("email", "email_sent"),
            ("sms", "sms_sent"),
        }
    ),
}


def counts_towards(action: str, channel: str) -> bool:
    return channel in _COUNTS.get(action, frozenset())


def meets(action: str, channel: str, outcome: str) -> bool:
    return (channel, outcome) in _MEETS.get(action, frozenset())


def is_successful_contact(outcome: str) -> bool:
    return outcome in SUCCESS


def safe_contact_channels(channel: str, outcome: str) -> list[str]:
    """The safe-contact channels to check for an outbound attempt (a voicemail is checked too)."""
    if channel == "phone" and outcome == "voicemail_left":
        return ["phone", "voicemail"]
    return [channel]


@dataclass(frozen=True)
class Met:
    status: str  # "met" or "breached"
    at: datetime


def completion(due_at: datetime, done_at: datetime) -> Met:
    """Met when done at or before the due time; done late is recorded as breached."""
    return Met("met" if done_at <= due_at else "breached", done_at)


def final_letter_needed(
    *, attempt_limit: int | None, unsuccessful_attempts: int, contacted: bool
) -> bool:
    """seed 002 s3.7: when contact attempts fail, a final letter explaining them."""
    return bool(attempt_limit) and not contacted and unsuccessful_attempts >= (attempt_limit or 0)


class _TaskLike(Protocol):
    action: str
    rule_key: str


@dataclass(frozen=True)
class Effect:
    """What one attempt does to one outstanding task: counts as an attempt at it, meets it."""

    counts: bool
    meets: bool
    by_final_letter: bool


def attempt_effects[T: _TaskLike](
    outstanding: Sequence[T],
    *,
    channel: str,
    outcome: str,
    is_final_letter: bool,
    case_closed: bool,
    for_task: T | None = None,
) -> list[tuple[T, Effect]]:
    """The outstanding tasks (in due order) an attempt touches, and how.

    On a closed case the only tasks left are the follow-ups, each a separate duty (seed 003 s6.9:
    contact at 6 months and again at 12; seed 000 s5: 1 and 12 months): a contact is made for
    one of them, so it touches only the first due that it counts towards or meets, never a later
    follow-up as well. An attempt made `for_task` (a follow-up recorded through its own form)
    touches that task only, whichever is due first (issue 11: a 1-month follow-up never meets
    the 12-month one)."""
    touched: list[tuple[T, Effect]] = []
    for task in outstanding:
        if for_task is not None and task is not for_task:
            continue
        if task.action not in FIRST_CONTACT_ACTIONS:
            continue
        by_letter = is_final_letter and (
            task.rule_key == FINAL_LETTER_KEY or task.action == "phone_contact"
        )
        effect = Effect(
            counts=counts_towards(task.action, channel),
            meets=meets(task.action, channel, outcome) or by_letter,
            by_final_letter=by_letter,
        )
        if effect.counts or effect.meets:
            touched.append((task, effect))
            if case_closed:
                break
    return touched
