"""Write the result as CSV, Parquet or a team XLSX, through a temporary file and a rename."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .results import OUTPUT_COLUMNS, WorkbookInputError
from .sql_text import fetch_int, literal

XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header
XLSX_WIDTHS = {
    "incident_id": 16,
    "eligible": 10,
    "prior_incidents_365d": 12,
    "victim_key": 24,
    "prior_incident_ids": 40,
    "reason": 70,
    "match_confidence": 12,
    "contact_due": 27,
    "source_row": 10,
}
COLUMN_LIST = ", ".join(OUTPUT_COLUMNS)
# Text a spreadsheet would run as a formula (OWASP, CSV injection) starts with one of these,
# unless it is just a number (-3, +44); such cells get a leading apostrophe.
FORMULA_START = r"^[=+\-@\t\r]"
PLAIN_NUMBER = r"^[+-]?[0-9]+(\.[0-9]+)?$"


def _safe_columns(con: duckdb.DuckDBPyConnection, result_path: Path) -> str:
    """The output columns, text ones with formula-like cells made inert (numbers untouched)."""
    types = dict(
        con.execute(
            f"SELECT column_name, column_type FROM (DESCRIBE SELECT {COLUMN_LIST} "
            f"FROM read_parquet({literal(str(result_path))}))"
        ).fetchall()
    )
    return ", ".join(
        _neutralised(column) if types[column] == "VARCHAR" else column for column in OUTPUT_COLUMNS
    )


def _neutralised(column: str) -> str:
    return (
        f"CASE WHEN regexp_matches({column}, {literal(FORMULA_START)})"
        f" AND NOT regexp_matches({column}, {literal(PLAIN_NUMBER)})"
        f" THEN {literal(chr(39))} || {column} ELSE {column} END AS {column}"
    )


def write_output(con: duckdb.DuckDBPyConnection, result_path: Path, out: Path) -> Path:
    """Write `out` in the format its suffix names; a failure leaves no partial file behind.

    In CSV and XLSX, text that a spreadsheet would run as a formula starts with an apostrophe.
    CSV rows follow the source rows; XLSX rows are ordered for the team (eligible, then soonest
    contact); Parquet rows come in no set order (sort on `source_row`), as the rule left them.
    Parquet takes the result file itself, so nothing may read `result_path` afterwards.
    """
    suffix = out.suffix.lower()
    if suffix not in {".csv", ".parquet", ".xlsx"}:
        raise WorkbookInputError(
            f"{out}: write .csv, .xlsx or .parquet, not {suffix or 'no suffix'}"
        )
    with _replacing(out) as partial:
        if suffix == ".xlsx":
            _write_xlsx(con, result_path, partial)
        elif suffix == ".parquet":  # the result is already these columns (in no set order)
            shutil.move(result_path, partial)
        else:
            con.execute(
                f"COPY (SELECT {_safe_columns(con, result_path)} FROM read_parquet({literal(str(result_path))}) "
                "ORDER BY source_row) "
                f"TO {literal(str(partial))} (FORMAT csv, HEADER true)"
            )
    return out


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    os.close(handle)
    partial = Path(name)
    try:
        partial.unlink()
        yield partial
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _write_xlsx(con: duckdb.DuckDBPyConnection, result_path: Path, partial: Path) -> None:
    """For the team: eligible first, soonest contact due first, frozen header, filters."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    count = fetch_int(con, f"SELECT count(*) FROM read_parquet({literal(str(result_path))})")
    if count > XLSX_MAX_ROWS:
        raise WorkbookInputError(
            f"{count} rows do not fit in one XLSX sheet; write .csv or .parquet"
        )
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Workbook")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(OUTPUT_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = XLSX_WIDTHS[column]
    last = get_column_letter(len(OUTPUT_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    bold = Font(bold=True)
    header = []
    for column in OUTPUT_COLUMNS:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    cursor = con.execute(
        f"""
        SELECT {_safe_columns(con, result_path)} FROM read_parquet({literal(str(result_path))})
        ORDER BY eligible = 'true' DESC, CAST(contact_due AS TIMESTAMPTZ) NULLS LAST, source_row
        """
    )
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            sheet.append(list(row))
    book.save(partial)
