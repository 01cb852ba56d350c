"""A return as the JSON partners rely on (docs/returns.md), and as flat rows for CSV."""

from __future__ import annotations

from typing import Any

from haven.contracts.citations import cite
from haven.reporting.engine import MeasureResult, ReturnResult

FORMAT_VERSION = 1


def return_json(result: ReturnResult, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    period = result.period
    return {
        "format_version": FORMAT_VERSION,
        "contract": result.contract_slug,
        "contract_name": result.contract_name,
        "document": result.document,
        "period": {
            "code": period.code,
            "kind": period.kind,
            "label": period.label,
            "start": period.first.isoformat(),
            "end": period.last.isoformat(),
        },
        "generated_at": result.generated_at.isoformat(timespec="seconds"),
        "measures": [measure_json(m, profile) for m in result.measures],
    }


def measure_json(result: MeasureResult, profile: dict[str, Any] | None = None) -> dict[str, Any]:
    spec, figure = result.spec, result.figure
    return {
        "id": spec.id,
        "label": spec.label,
        "section": spec.section,
        "citation": cite(spec.citation, profile),
        "unit": spec.unit,
        "period": spec.period,
        "status": result.status,
        "missing": spec.missing,
        "value": _number(result.value),
        "numerator": len(figure.numerator) if figure is not None else None,
        "denominator": (
            len(figure.denominator)
            if figure is not None and figure.denominator is not None
            else None
        ),
        "target": spec.target,
        "target_direction": spec.target_direction if spec.target is not None else None,
        "met": result.met,
        "breakdowns": {
            b.key: [
                {
                    "key": cell.key,
                    "label": cell.label,
                    "value": _number(cell.value),
                    "numerator": len(cell.numerator),
                    "denominator": len(cell.denominator) if cell.denominator is not None else None,
                }
                for cell in b.cells
            ]
            for b in result.breakdowns
        },
    }


def _number(value: float | int | None) -> float | int | None:
    if isinstance(value, float):
        return round(value, 4)
    return value


CSV_HEADER = [
    "section",
    "id",
    "label",
    "breakdown",
    "cell",
    "value",
    "numerator",
    "denominator",
    "unit",
    "target",
    "met",
    "status",
    "missing",
    "citation",
]


def return_rows(data: dict[str, Any]) -> list[list[Any]]:
    """One row per figure and one per breakdown cell, from `return_json` output."""
    rows: list[list[Any]] = [CSV_HEADER]
    for m in data["measures"]:
        rows.append(
            [
                m["section"],
                m["id"],
                m["label"],
                "",
                "",
                m["value"],
                m["numerator"],
                m["denominator"],
                m["unit"],
                m["target"],
                m["met"],
                m["status"],
                m["missing"] or "",
                m["citation"],
            ]
        )
        for key, cells in m["breakdowns"].items():
            for cell in cells:
                rows.append(
                    [
                        m["section"],
                        m["id"],
                        m["label"],
                        key,
                        cell["label"],
                        cell["value"],
                        cell["numerator"],
                        cell["denominator"],
                        m["unit"],
                        "",
                        "",
                        m["status"],
                        "",
                        "",
                    ]
                )
    return rows
