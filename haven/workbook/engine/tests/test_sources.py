"""Reading exports: CSV in UTF-8, UTF-8 with BOM or Windows-1252, XLSX, Parquet, mapping files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest
from openpyxl import Workbook

from haven.workbook.engine import (
    INCIDENT_COLUMNS,
    MappingError,
    WorkbookResult,
    WorkbookSettings,
    load_mapping,
    run_workbook,
)

from .exports import AS_OF, Row, incident, rows_of, write_csv

NAMES = [("Zoë", "O’Brien"), ("Siân", "Müller"), ("Ann", "Smith")]


def _rows() -> list[Row]:
    return [
        incident(f"I{n}", f"2026-01-0{n + 1} 10:00", victim="", victim_forename=f, victim_surname=s)
        for n, (f, s) in enumerate(NAMES)
    ]


def _run(source: Path, **options: Any) -> WorkbookResult:
    options.setdefault("as_of", AS_OF)
    return run_workbook(source, settings=WorkbookSettings(), **options)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_reads_the_same_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    result = _run(write_csv(tmp_path / "export.csv", _rows(), encoding=encoding), identity="fuzzy")
    rows = rows_of(result)
    assert [r["incident_id"] for r in rows] == ["I0", "I1", "I2"]
    assert all(not r["reason"].startswith("invalid") for r in rows)
    assert rows[0]["victim_key"] != rows[1]["victim_key"]


def test_windows_1252_rows_are_reported_as_warnings_with_the_field(tmp_path: Path) -> None:
    result = _run(write_csv(tmp_path / "export.csv", _rows(), encoding="cp1252"), identity="fuzzy")
    warnings = [str(i) for i in result.issues if i.severity == "warning"]
    assert warnings == [
        "row 2: warning: victim_forename,victim_surname: not UTF-8; read as Windows-1252",
        "row 3: warning: victim_forename,victim_surname: not UTF-8; read as Windows-1252",
    ]


def test_a_windows_1252_line_inside_a_utf8_file_is_repaired(tmp_path: Path) -> None:
    source = write_csv(tmp_path / "export.csv", _rows()[:1])
    with source.open("ab") as handle:
        handle.write(
            "I9,2026-01-09 10:00,N9,Siân,O’Brien,1990-01-01,LE1 1AA,standard,x\n".encode("cp1252")
        )
    result = _run(source)
    assert [i.row for i in result.issues] == [3]
    assert len(rows_of(result)) == 2


def test_byte_order_mark_does_not_become_part_of_the_first_column(tmp_path: Path) -> None:
    result = _run(
        write_csv(
            tmp_path / "export.csv", [incident("A", "2026-01-01 10:00")], encoding="utf-8-sig"
        )
    )
    assert rows_of(result)[0]["incident_id"] == "A"


def test_xlsx_export_with_real_dates_is_read(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(list(INCIDENT_COLUMNS))
    for n in (1, 2, 3):
        sheet.append(
            [
                f"X{n}",
                dt.datetime(2026, 1, n, 10, 0),  # noqa: DTZ001 - spreadsheets hold local times
                1234,
                "Alex",
                "Example",
                dt.date(1990, 5, 17),
                "LE1 6AB",
                "standard",
                "assault",
            ]
        )
    book.save(tmp_path / "export.xlsx")
    result = _run(tmp_path / "export.xlsx")
    rows = rows_of(result)
    assert [r["prior_incidents_365d"] for r in rows] == [0, 1, 2]
    assert rows[2]["eligible"] == "true"
    assert rows[0]["source_row"] == 2


def test_parquet_export_with_typed_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.parquet"
    with duckdb.connect() as con:
        con.execute(
            f"""COPY (SELECT 'P' || i AS incident_id,
                      TIMESTAMPTZ '2026-01-01 10:00:00+00' + i * INTERVAL 1 DAY AS reported_at,
                      'N1' AS victim_nominal_id, DATE '1990-05-17' AS victim_dob, 'high' AS risk_grade
                    FROM range(3) t(i)) TO '{path}' (FORMAT parquet)"""  # noqa: S608
        )
    rows = rows_of(_run(path))
    assert [r["source_row"] for r in rows] == [2, 3, 4]
    assert rows[2]["reason"].startswith("excluded: police risk grade high")


def test_mapping_file_renames_columns_and_reads_the_forces_date_formats(tmp_path: Path) -> None:
    mapping_path = tmp_path / "force.yaml"
    mapping_path.write_text(
        "columns:\n  incident_id: Occurrence Ref\n  reported_at: Reported\n"
        "  victim_nominal_id: Nominal\n  risk_grade: DASH Risk\n"
        "formats:\n  reported_at: ['%d.%m.%Y %H.%M']\n  victim_dob: '%Y%m%d'\n"
        "risk_grades: {H: high, M: medium, S: standard}\n",
        encoding="utf-8",
    )
    rows = [
        {
            "Occurrence Ref": f"R{n}",
            "Reported": f"0{n}.01.2026 10.00",
            "Nominal": "N1",
            "victim_dob": "19900517",
            "DASH Risk": "H" if n == 3 else "S",
        }
        for n in (1, 2, 3)
    ]
    source = write_csv(
        tmp_path / "force.csv",
        rows,
        columns=["Occurrence Ref", "Reported", "Nominal", "victim_dob", "DASH Risk"],
    )
    result = _run(source, mapping=load_mapping(mapping_path))
    out = {r["incident_id"]: r for r in rows_of(result)}
    assert out["R3"]["prior_incidents_365d"] == 2
    assert out["R3"]["reason"].startswith("excluded: police risk grade high")
    assert out["R1"]["contact_due"] == "2026-01-02T10:00:00+00:00"


def test_mapping_file_with_an_unknown_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("colums: {incident_id: Ref}\n", encoding="utf-8")
    with pytest.raises(MappingError, match="unknown key"):
        load_mapping(path)


def test_mapping_file_naming_a_column_haven_does_not_have_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("columns: {victim_shoe_size: Shoes}\n", encoding="utf-8")
    with pytest.raises(MappingError, match="victim_shoe_size is not a Haven column"):
        load_mapping(path)
