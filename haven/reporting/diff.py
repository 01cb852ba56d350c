"""What changed in a return since it was signed off, and which records caused it.

Pure: no Django. Compares two `serialise.return_json` outputs (the signed-off snapshot and the
return computed now) and the records behind each measure (`record_sets.records_of`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haven.reporting.record_sets import MeasureRecords


@dataclass(frozen=True)
class MeasureChange:
    id: str
    label: str
    section: str
    unit: str
    kind: str  # the records behind it: referral, case, task ...
    old_value: Any
    new_value: Any
    old_numerator: Any
    new_numerator: Any
    old_denominator: Any
    new_denominator: Any
    numerator_added: tuple[str, ...]
    numerator_removed: tuple[str, ...]
    denominator_added: tuple[str, ...]
    denominator_removed: tuple[str, ...]

    @property
    def value_changed(self) -> bool:
        return (self.old_value, self.old_numerator, self.old_denominator) != (
            self.new_value,
            self.new_numerator,
            self.new_denominator,
        )


def _by_id(figures: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for m in figures.get("measures", [])}


def _moved(old: list[str] | None, new: list[str] | None) -> tuple[tuple[str, ...], ...]:
    before, after = old or [], new or []
    gone, came = set(before) - set(after), set(after) - set(before)
    return tuple(i for i in after if i in came), tuple(i for i in before if i in gone)


def return_changes(
    old_figures: dict[str, Any],
    new_figures: dict[str, Any],
    old_records: MeasureRecords,
    new_records: MeasureRecords,
) -> list[MeasureChange]:
    """Every measure whose figure or records differ, in the new return's order (then any
    measure the new return no longer has)."""
    old, new = _by_id(old_figures), _by_id(new_figures)
    changes = []
    for measure_id in [*new, *(m for m in old if m not in new)]:
        before, after = old.get(measure_id, {}), new.get(measure_id, {})
        was, now = old_records.get(measure_id, {}), new_records.get(measure_id, {})
        num_added, num_removed = _moved(was.get("numerator"), now.get("numerator"))
        den_added, den_removed = _moved(was.get("denominator"), now.get("denominator"))
        shown = after or before
        change = MeasureChange(
            id=measure_id,
            label=shown.get("label", measure_id),
            section=shown.get("section", ""),
            unit=shown.get("unit", ""),
            kind=now.get("kind") or was.get("kind") or "",
            old_value=before.get("value"),
            new_value=after.get("value"),
            old_numerator=before.get("numerator"),
            new_numerator=after.get("numerator"),
            old_denominator=before.get("denominator"),
            new_denominator=after.get("denominator"),
            numerator_added=num_added,
            numerator_removed=num_removed,
            denominator_added=den_added,
            denominator_removed=den_removed,
        )
        if change.value_changed or num_added or num_removed or den_added or den_removed:
            changes.append(change)
    return changes
