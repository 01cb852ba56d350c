"""Small synthetic police exports for the workbook tests: made-up people only."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from haven.workbook.engine import INCIDENT_COLUMNS, WorkbookResult

AS_OF = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
Row = dict[str, Any]
RunWorkbook = Callable[..., dict[str, Row]]
Planted = tuple[list[Row], dict[str, str]]


def incident(incident_id: str, reported_at: str, victim: str = "N1", **fields: Any) -> Row:
    """One export row; the victim is the same made-up person unless told otherwise."""
    row: Row = {
        "incident_id": incident_id,
        "reported_at": reported_at,
        "victim_nominal_id": victim,
        "victim_forename": "Alex",
        "victim_surname": "Example",
        "victim_dob": "1990-05-17",
        "victim_postcode": "LE1 6AB",
        "risk_grade": "standard",
        "offence_type": "domestic incident",
    }
    row.update(fields)
    return row


def write_csv(
    path: Path,
    rows: Iterable[Row],
    columns: Iterable[str] = INCIDENT_COLUMNS,
    encoding: str = "utf-8",
) -> Path:
    columns = list(columns)
    with path.open("w", newline="", encoding=encoding) as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def rows_of(result: WorkbookResult) -> list[Row]:
    """The output rows of a run that returned its table."""
    assert result.table is not None
    rows: list[Row] = result.table.to_pylist()
    return rows
