"""What the safeguarding pages show: typed rows, no HTML (STYLE: risk/presenters.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from haven.casework.models import Case
from haven.people.models import Person
from haven.safeguarding.adults import think_family_asked
from haven.safeguarding.models import ChildRecord
from haven.safeguarding.selectors import (
    alerts_for,
    child_records_for,
    events_for,
    household_children,
    last_contact_on,
    think_family_checks_for,
)


def span_text(start: date | None, end: date | None) -> str:
    """A plan's dates as staff say them: "from 3 March 2026", "3 March 2026 to 1 June 2026"."""
    if start is None:
        return "None recorded"
    first = f"{start.day} {start:%B %Y}"
    if end is None:
        return f"Since {first}"
    return f"{first} to {end.day} {end:%B %Y}"


@dataclass(frozen=True)
class ChildRow:
    child: Person
    record: ChildRecord | None

    @property
    def plans(self) -> list[tuple[str, str]]:
        record = self.record
        if record is None:
            return []
        return [
            (
                label,
                span_text(
                    getattr(record, f"{name}_started_on"), getattr(record, f"{name}_ended_on")
                ),
            )
            for name, label in (
                ("cp_plan", "Child protection plan"),
                ("cin", "Child in need"),
                ("looked_after", "Looked after"),
            )
            if getattr(record, f"{name}_started_on") is not None
        ]


def child_rows(case: Case) -> list[ChildRow]:
    records = child_records_for(case)
    return [ChildRow(child, records.get(child.pk)) for child in household_children(case)]


def think_family_due(case: Case, checks: list[Any]) -> date | None:
    """The day of a contact since which the Think Family questions have not been asked, on a
    contract that asks them at every contact (seed 004 s6.5), or None."""
    if not think_family_asked(case):
        return None
    contact = last_contact_on(case)
    if contact is None or (checks and checks[0].asked_on >= contact):
        return None
    return contact


def overview_context(case: Case, may_record: bool) -> dict[str, Any]:
    checks = list(think_family_checks_for(case))
    return {
        "think_family_due": think_family_due(case, checks),
        "case": case,
        "children": child_rows(case),
        "events": list(events_for(case)),
        "alerts": list(alerts_for(case)),
        "checks": checks,
        "think_family": think_family_asked(case),
        "can_record": may_record,
    }
