"""The waiting list's order, explained: a pure function over plain values (no Django).

seed 003 s7: "A waiting list will operate when necessary, which prioritises each individual on
risk levels, need and vulnerability." The seed does not define the three; Haven's reading, from
what it records (`casework.services.waiting_list.priority_inputs` gathers them):

- risk: the case's risk level (high, medium, standard), then the latest DASH score (yes
  answers); a case not yet assessed ranks between medium and standard (not presumed high,
  not left below those known to be at standard risk) and says so;
- need: children living in the household, and current support needs recorded as flags
  (mental health, substance use);
- vulnerability: disability (flag or equality answer), no recourse to public funds, ACEs,
  pregnancy or a recent birth, and age 16-25 or over 60.

Within the same risk, need and vulnerability, whoever has waited longer comes first.
The profile's `priority_by` gives the order of the three (Wokingham: risk, need, vulnerability).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

DEFAULT_ORDER = ("risk", "need", "vulnerability")
# higher ranks first; "" (not assessed) sits between medium and standard (module docstring)
RISK_RANK = {"high": 4, "medium": 3, "": 2, "standard": 1}
RISK_WORDS = {"high": "High risk", "medium": "Medium risk", "standard": "Standard risk"}


@dataclass(frozen=True)
class PriorityInputs:
    """What the order is decided on, for one person waiting."""

    risk_level: str = ""
    dash_score: int | None = None
    children: int = 0
    needs: tuple[str, ...] = ()
    vulnerabilities: tuple[str, ...] = ()

    @property
    def need_count(self) -> int:
        return self.children + len(self.needs)


@dataclass(frozen=True)
class Waiter:
    key: str
    joined_at: datetime
    inputs: PriorityInputs = field(default_factory=PriorityInputs)


@dataclass(frozen=True)
class Ranked:
    key: str
    position: int
    days_waiting: int
    explanation: str


def describe_risk(inputs: PriorityInputs) -> str:
    words = RISK_WORDS.get(inputs.risk_level, "Risk not yet assessed")
    if inputs.dash_score is not None:
        words += f" (DASH {inputs.dash_score})"
    return words


def describe_need(inputs: PriorityInputs) -> str:
    parts = []
    if inputs.children:
        plural = "child" if inputs.children == 1 else "children"
        parts.append(f"{inputs.children} {plural} in the household")
    parts += list(inputs.needs)
    return ", ".join(parts) or "no children or support needs recorded"


def describe_vulnerability(inputs: PriorityInputs) -> str:
    return ", ".join(inputs.vulnerabilities) or "no vulnerability recorded"


def days_between(joined_at: datetime, now: datetime) -> int:
    return max((now - joined_at).days, 0)


def _part_key(part: str, inputs: PriorityInputs) -> tuple[int, ...]:
    """Larger is more urgent."""
    if part == "risk":
        score = inputs.dash_score if inputs.dash_score is not None else -1
        return (RISK_RANK.get(inputs.risk_level, RISK_RANK[""]), score)
    if part == "need":
        return (inputs.need_count,)
    return (len(inputs.vulnerabilities),)


def sort_key(waiter: Waiter, order: Sequence[str] = DEFAULT_ORDER) -> tuple[object, ...]:
    """Most urgent first: each part in the profile's order (negated: larger first), then the
    longer wait, then the key (a stable order for equal entries)."""
    urgency = tuple(-value for part in order for value in _part_key(part, waiter.inputs))
    return (*urgency, waiter.joined_at, waiter.key)


def explain(waiter: Waiter, now: datetime, order: Sequence[str] = DEFAULT_ORDER) -> str:
    """e.g. "High risk (DASH 16); 2 children in the household; disability; waiting 12 days"."""
    describe = {
        "risk": describe_risk,
        "need": describe_need,
        "vulnerability": describe_vulnerability,
    }
    parts = [describe[part](waiter.inputs) for part in order if part in describe]
    days = days_between(waiter.joined_at, now)
    parts.append(f"waiting {days} day{'' if days == 1 else 's'}")
    return "; ".join(parts)


def rank(
    waiters: Iterable[Waiter], *, now: datetime, order: Sequence[str] = DEFAULT_ORDER
) -> list[Ranked]:
    """The waiting list in order, each with its position (from 1), days waiting and why."""
    order = tuple(part for part in order if part in DEFAULT_ORDER) or DEFAULT_ORDER
    ordered = sorted(waiters, key=lambda waiter: sort_key(waiter, order))
    return [
        Ranked(
            key=waiter.key,
            position=position,
            days_waiting=days_between(waiter.joined_at, now),
            explanation=explain(waiter, now, order),
        )
        for position, waiter in enumerate(ordered, start=1)
    ]
