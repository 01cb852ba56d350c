"""DuckDB and Spark run the same transpiled rule and write byte-identical output."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.workbook.engine import WorkbookSettings, run_workbook
from haven.workbook.engine.engines import stop_spark_session

from .exports import AS_OF, incident, write_csv

pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java"),
]


@pytest.fixture(scope="module", autouse=True)
def one_spark_session_for_this_module() -> Iterator[None]:
    yield
    stop_spark_session()


def _tricky_export(tmp_path: Path) -> Path:
    """Every edge at once: ties, the 365-day boundary, clock changes, duplicates, bad rows."""
    rows = [incident(f"S{n}", f"2026-01-{n:02d} 10:00", risk_grade="medium") for n in range(1, 10)]
    rows += [
        incident("T-B", "2026-02-01 10:00", victim="N2"),
        incident("T-A", "2026-02-01 10:00", victim="N2"),
        incident("T-C", "2026-02-01 10:00", victim="N2", risk_grade="high"),
        incident("W1", "2025-10-25 12:00", victim="N3"),
        incident("W2", "2026-03-29 01:30", victim="N3"),
        incident("W3", "2026-10-25 11:00", victim="N3"),
        incident("W4", "2026-10-25 01:30", victim="N3"),
        incident("L1", "2024-02-29T10:00:00Z", victim="N4"),
        incident("L2", "2025-02-28T10:00:00Z", victim="N4"),
        incident("", "2026-01-01 10:00"),
        incident("BAD", "2026-02-30 10:00"),
        incident(
            "X", "2026-05-01 10:00", victim="", victim_forename="Zoë", victim_surname="O'Neill"
        ),
        incident(
            "Y", "2026-05-02 10:00", victim="", victim_forename="zoe", victim_surname="O Neill"
        ),
    ]
    rows += [rows[0], incident("S5", "2026-03-05 10:00")]  # an exact copy and a conflicting copy
    # a re-export with a new offence type and grade: one incident, as re-exported
    rows.append(incident("S2", "2026-01-02 10:00", risk_grade="high", offence_type="assault"))
    return write_csv(tmp_path / "export.csv", rows)


def test_duckdb_and_spark_write_identical_files(tmp_path: Path) -> None:
    source = _tricky_export(tmp_path)
    settings = WorkbookSettings()
    for engine in ("duckdb", "spark"):
        run_workbook(
            source, settings=settings, engine=engine, as_of=AS_OF, out=tmp_path / f"{engine}.csv"
        )
    duckdb_text = (tmp_path / "duckdb.csv").read_text(encoding="utf-8")
    assert duckdb_text == (tmp_path / "spark.csv").read_text(encoding="utf-8")
    for outcome in (",true,", "invalid:", "excluded:"):
        assert outcome in duckdb_text
    assert "\nS2,false,1," in duckdb_text  # the re-export (high risk) counts once, excluded


def test_duckdb_and_spark_agree_on_synthetic_data_with_summaries(tmp_path: Path) -> None:
    from haven.workbook.engine.synthetic import SyntheticExport, write_synthetic_export

    source = write_synthetic_export(
        tmp_path / "synthetic.parquet", SyntheticExport(incidents=1500, seed=2)
    )
    settings = WorkbookSettings()
    results = {
        engine: run_workbook(source, settings=settings, engine=engine, as_of=AS_OF)
        for engine in ("duckdb", "spark")
    }
    duckdb_table, spark_table = results["duckdb"].table, results["spark"].table
    assert duckdb_table is not None
    assert spark_table is not None
    assert duckdb_table.equals(spark_table)
    assert results["duckdb"].summary.lines()[:-1] == results["spark"].summary.lines()[:-1]
