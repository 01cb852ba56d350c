"""Plain-English descriptions of profile rules for the contract pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

START_EVENTS = {
    "received": "receipt of the referral",
    "incident": "the police incident",
    "accepted": "acceptance onto the caseload",
    "entered": "moving in",
    "closed": "the end of support",
    "first_contact": "first contact",
    "serious_incident": "a serious incident",
}
# what staff call each condition of a rule (profile keys stay in the profile)
WHEN_HEADINGS = {"method": "Contact by", "risk": "Risk", "priority": "Priority"}
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAY_NAMES = dict(
    zip(
        WEEKDAYS,
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        strict=True,
    )
)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def describe_duration(duration: Mapping[str, Any] | None) -> str:
    """'48 hours', 'the same day', '5 working days' ... from a profile duration mapping."""
    if not duration:
        return ""
    if duration.get("same_day"):
        return "the same day"
    for kind, word in (
        ("hours", "hour"),
        ("days", "day"),
        ("working_days", "working day"),
        ("weeks", "week"),
        ("months", "month"),
    ):
        value = duration.get(kind)
        if value is not None:
            return "the next day" if kind == "days" and value == 1 else _plural(int(value), word)
    return ""


def describe_rule(rule: Mapping[str, Any]) -> str:
    """'Within 48 hours of the referral is received' style summary of a deadline rule."""
    start = START_EVENTS.get(str(rule.get("start")), str(rule.get("start")))
    duration = describe_duration(rule.get("duration"))
    if duration == "the same day":
        text = f"On the day of {start}"
    elif duration == "the next day":
        text = f"By the end of the day after {start}"
    else:
        text = f"Within {duration} of {start}"
    if rule.get("attempts"):
        text += f", {_plural(int(rule['attempts']), 'attempt')}"
    return text


def describe_when(when: Mapping[str, Any] | None) -> str:
    """Which situations a rule applies to, e.g. 'method: home phone, mobile phone; risk: high'."""
    if not when:
        return "Always"
    parts = []
    for key, heading in WHEN_HEADINGS.items():
        values = when.get(key)
        if values:
            parts.append(f"{heading}: " + " or ".join(str(v).replace("_", " ") for v in values))
    return "; ".join(parts) or "Always"


def describe_opening_hours(opening_hours: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """[(day, '09:00 to 18:00')] rows; empty list means open at all times."""
    if not opening_hours:
        return []
    weekly = opening_hours.get("weekly") or {}
    rows = []
    for day in WEEKDAYS:
        windows = weekly.get(day) or []
        text = ", ".join(f"{start} to {end}" for start, end in windows) if windows else "Closed"
        rows.append((WEEKDAY_NAMES[day], text))
    bank = opening_hours.get("bank_holidays")
    if bank:
        rows.append(
            (
                "Bank holidays",
                {"closed": "Closed", "open": "Open as usual", "weekend_hours": "Weekend hours"}.get(
                    bank, str(bank)
                ),
            )
        )
    return rows
