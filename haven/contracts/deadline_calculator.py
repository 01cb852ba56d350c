"""Turn a contract's profile and a situation into rows for the calculator table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.core.formatting import datetime_format
from haven.deadlines import ContactMethod, Priority, RiskLevel, Situation, StartEvent, evaluate

EVENTS = {
    "received": StartEvent.RECEIVED,
    "incident": StartEvent.INCIDENT,
    "accepted": StartEvent.ACCEPTED,
    "entered": StartEvent.ENTERED,
}


@dataclass(frozen=True)
class DeadlineRow:
    label: str
    due_text: str
    explanation: str


def situation_from(values: dict[str, Any]) -> Situation:
    events: dict[StartEvent, datetime] = {
        event: values[name] for name, event in EVENTS.items() if values.get(name)
    }
    return Situation(
        events=events,
        method=ContactMethod(values["method"]) if values.get("method") else None,
        risk=RiskLevel(values["risk"]) if values.get("risk") else None,
        priority=Priority(values["priority"]) if values.get("priority") else None,
    )


def deadline_rows(contract: Contract, values: dict[str, Any]) -> list[DeadlineRow]:
    profile = profile_of(contract)
    evaluation = evaluate(profile.rules(), situation_from(values), profile.service_clock())
    rows = [
        DeadlineRow(
            label=item.rule.label,
            due_text=datetime_format(item.due)
            + (" (end of the day)" if item.due.second == 59 else ""),
            explanation=f"{item.why}. Source: {item.rule.citation}",
        )
        for item in sorted(evaluation.computed, key=lambda computed: computed.due)
    ]
    rows += [
        DeadlineRow(
            label=item.rule.label,
            due_text="Not worked out",
            explanation=f"Needs the {item.missing.value.replace('_', ' ')} time. Source: {item.rule.citation}",
        )
        for item in evaluation.not_computed
    ]
    return rows
