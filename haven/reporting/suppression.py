"""Small-number suppression of a return for commissioners: no figure reveals fewer than 5 people.

Pure: no Django. Works on `serialise.return_json` output and returns the same shape with
suppressed figures replaced by a marker. The rule (haven/reporting/README.md, "Suppression"):

- Primary: a count of 1-4 shows "<5" (0 is shown). A percentage, mean or sum whose numerator or
  denominator count is 1-4 shows "<5", and so do its numerator and denominator.
- Secondary, within each breakdown table (whose total is the measure's figure): while a
  suppressed cell could be worked out from the shown total minus the shown cells (a reader knows
  a "<5" cell is 1-4 and a "[c]" cell is 5 or more), the smallest non-zero shown cell is
  suppressed too, shown "[c]"; when no cell is left to suppress, the total is shown "[c]".
  A percentage's numerator and denominator tables are protected separately; a cell hidden in
  either is hidden in both.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

SMALL = "<5"  # primary: the figure is 1 to 4
CONFIDENTIAL = "[c]"  # secondary: hidden so that a "<5" cell cannot be worked out
LOW, HIGH = 1, 4
UNBOUNDED = 10**12


def is_small(count: int | None) -> bool:
    return count is not None and LOW <= count <= HIGH


@dataclass(frozen=True)
class Protected:
    """Which cells of a table are hidden ("<5" primary, "[c]" secondary), and the total."""

    marks: tuple[str | None, ...]  # None: shown
    total_mark: str | None


def bounds(mark: str | None, value: int) -> tuple[int, int]:
    """What a reader knows of a cell: its value when shown, else the range its marker implies."""
    if mark == SMALL:
        return LOW, HIGH
    if mark == CONFIDENTIAL:
        return HIGH + 1, UNBOUNDED
    return value, value


def recoverable(cells: list[int], marks: list[str | None], total: int) -> bool:
    """Could a reader work out any hidden cell exactly from the total and the shown cells?"""
    ranges = [bounds(mark, value) for mark, value in zip(marks, cells, strict=True)]
    low_sum = sum(lo for lo, _ in ranges)
    high_sum = sum(hi for _, hi in ranges)
    for (lo, hi), mark in zip(ranges, marks, strict=True):
        if mark is None:
            continue
        least = max(lo, total - (high_sum - hi))
        most = min(hi, total - (low_sum - lo))
        if least >= most:
            return True
    return False


def protect(
    cells: list[int],
    total: int,
    *,
    total_hidden: bool = False,
    hidden: list[str | None] | None = None,
) -> Protected:
    """Primary and secondary suppression of one table of counts whose total is `total`.

    `hidden`: cells already hidden for another reason (a percentage's other table); the check
    assumes the reader knows them within their marker's range, which errs towards hiding more."""
    marks: list[str | None] = [
        (hidden[i] if hidden and hidden[i] else None) or (SMALL if is_small(c) else None)
        for i, c in enumerate(cells)
    ]
    if total_hidden or is_small(total):
        return Protected(tuple(marks), SMALL if is_small(total) else CONFIDENTIAL)
    while any(marks) and recoverable(cells, marks, total):
        shown = [(c, i) for i, (c, m) in enumerate(zip(cells, marks, strict=True)) if m is None]
        candidates = sorted((c, i) for c, i in shown if c > 0)
        if not candidates:
            return Protected(tuple(marks), CONFIDENTIAL)
        marks[candidates[0][1]] = CONFIDENTIAL
    return Protected(tuple(marks), None)


def suppress_return(data: dict[str, Any]) -> dict[str, Any]:
    """A commissioner's copy of a return (`return_json` output): small figures suppressed."""
    result = copy.deepcopy(data)
    result.pop("equality", None)  # unsuppressed counts by group: never in a commissioner's copy
    result["suppressed"] = True
    result["suppression"] = (
        'Figures of 1 to 4 show "<5"; "[c]" hides a figure from which a "<5" could be worked out.'
    )
    result["measures"] = [suppress_measure(m) for m in data["measures"]]
    return result


def _hide(figure: dict[str, Any], mark: str) -> None:
    figure["value"] = mark
    figure["numerator"] = mark
    if figure.get("denominator") is not None:
        figure["denominator"] = mark


def suppress_measure(measure: dict[str, Any]) -> dict[str, Any]:
    out = dict(measure)
    if measure.get("status") != "computed":
        return out
    numerator, denominator = measure.get("numerator"), measure.get("denominator")
    headline: str | None = SMALL if is_small(numerator) or is_small(denominator) else None
    breakdowns: dict[str, list[dict[str, Any]]] = {}
    for key, cells in (measure.get("breakdowns") or {}).items():
        hidden, total_mark = _protect_table(cells, numerator, denominator, headline is not None)
        headline = headline or total_mark
        breakdowns[key] = []
        for cell, mark in zip(cells, hidden, strict=True):
            shown = dict(cell)
            if mark is not None:
                _hide(shown, mark)
            breakdowns[key].append(shown)
    if headline is not None:
        _hide(out, headline)
        out["met"] = None  # met / not met with a hidden figure would hint at it
    out["breakdowns"] = breakdowns
    return out


def _protect_table(
    cells: list[dict[str, Any]],
    numerator: int | None,
    denominator: int | None,
    headline_hidden: bool,
) -> tuple[list[str | None], str | None]:
    """Hidden marks per cell and the total's mark: the numerator table and the denominator
    table are protected in turn, each seeing the other's hidden cells, until neither changes."""
    hidden: list[str | None] = [None] * len(cells)
    tables = [("numerator", numerator)]
    if denominator is not None:
        tables.append(("denominator", denominator))
    total_mark: str | None = None
    while True:
        before = list(hidden)
        for field, total in tables:
            counts = [int(cell.get(field) or 0) for cell in cells]
            protected = protect(
                counts,
                int(total or 0),
                total_hidden=headline_hidden or total_mark is not None,
                hidden=hidden,
            )
            if protected.total_mark and not headline_hidden:
                total_mark = total_mark or protected.total_mark
            hidden = list(protected.marks)
        if hidden == before:
            return hidden, total_mark
