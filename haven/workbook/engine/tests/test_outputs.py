"""Output files: CSV for systems, XLSX for the team, written whole or not at all."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook

from haven.workbook.engine import (
    OUTPUT_COLUMNS,
    WorkbookInputError,
    WorkbookResult,
    WorkbookSettings,
    outputs,
    run_workbook,
)

from .exports import AS_OF, incident, write_csv


def _export(tmp_path: Path) -> Path:
    rows = [incident(f"A{n}", f"2026-01-0{n} 10:00") for n in range(1, 5)]
    rows += [incident(f"B{n}", f"2026-01-0{n} 09:00", victim="N2") for n in range(1, 4)]
    rows.append(incident("Z", "not a date"))
    return write_csv(tmp_path / "export.csv", rows)


def _run(tmp_path: Path, out: Path) -> WorkbookResult:
    return run_workbook(_export(tmp_path), settings=WorkbookSettings(), as_of=AS_OF, out=out)


def test_csv_output_has_the_documented_columns_one_row_per_incident(tmp_path: Path) -> None:
    result = _run(tmp_path, tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert [r["incident_id"] for r in rows] == ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "Z"]
    assert {r["eligible"] for r in rows} == {"true", "false"}
    assert result.output_path == tmp_path / "out.csv"
    assert result.table is None


def test_victim_key_is_pseudonymous_and_never_the_raw_id(tmp_path: Path) -> None:
    _run(tmp_path, tmp_path / "out.csv")
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert "N1" not in text
    assert "N2" not in text
    assert "Example" not in text


def test_xlsx_output_is_set_up_for_the_team(tmp_path: Path) -> None:
    _run(tmp_path, tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I9"
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert sheet["A1"].font.bold
    eligible = [r[0] for r in rows[1:] if r[1] == "true"]
    assert [r[0] for r in rows[1:]][: len(eligible)] == eligible == ["B3", "A3", "A4"]
    due = [r[7] for r in rows[1:] if r[1] == "false" and r[7]]
    assert due == sorted(due)


def test_parquet_output_is_written(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    _run(tmp_path, tmp_path / "out.parquet")
    assert pq.read_table(tmp_path / "out.parquet").column_names == list(OUTPUT_COLUMNS)


def test_failed_write_leaves_the_previous_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.xlsx"
    out.write_text("yesterday's workbook", encoding="utf-8")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(outputs, "_write_xlsx", broken)
    with pytest.raises(OSError, match="disk full"):
        _run(tmp_path, out)
    assert out.read_text(encoding="utf-8") == "yesterday's workbook"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.csv", "out.xlsx"]


def test_unknown_output_format_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(WorkbookInputError, match=r"write \.csv, \.xlsx or \.parquet"):
        _run(tmp_path, tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


FORMULA_IDS = [
    '=HYPERLINK("http://x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd",
    "@SUM(A1)",
    "\tX1",
    "\rX2",
]


def _formula_export(tmp_path: Path) -> Path:
    rows = [
        incident(incident_id, f"2026-01-0{n + 1} 10:00")
        for n, incident_id in enumerate(FORMULA_IDS)
    ]
    rows.append(incident("-123", "2026-01-08 10:00", victim="N2"))  # a plain negative number
    return write_csv(tmp_path / "export.csv", rows)


def test_csv_output_neutralises_text_a_spreadsheet_would_run_as_a_formula(tmp_path: Path) -> None:
    # OWASP CSV injection: =, +, -, @, tab and carriage return start a formula
    source = _formula_export(tmp_path)
    run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF, out=tmp_path / "out.csv")
    with (tmp_path / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_row = {r["source_row"]: r for r in rows}
    assert [by_row[str(n + 2)]["incident_id"] for n in range(6)] == ["'" + i for i in FORMULA_IDS]
    assert by_row["8"]["incident_id"] == "-123"  # a number, not a formula: left as it is
    assert by_row["4"]["prior_incident_ids"].startswith("'=HYPERLINK")
    starts = {value[:1] for row in rows for value in row.values()}
    assert not starts & set("=+@\t\r")
    assert not [row for row in rows if row["incident_id"].startswith("-2")]
    assert by_row["4"]["contact_due"] == "2026-01-04T10:00:00+00:00"  # ISO dates untouched


def test_xlsx_output_has_no_formula_cells(tmp_path: Path) -> None:
    source = _formula_export(tmp_path)
    run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF, out=tmp_path / "out.xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx").active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    ids = {sheet.cell(row=c.row, column=1).value for c in cells}
    assert '\'=HYPERLINK("http://x")' in ids
    assert "-123" in ids
    numbers = [c.value for c in cells if c.column == 3]  # prior_incidents_365d stays a number
    assert all(isinstance(v, int) for v in numbers)
