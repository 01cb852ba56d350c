"""`run_workbook`: read an export, resolve identities, apply the rule, write or return the rows."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import duckdb
import pyarrow as pa

from .columns import ColumnMapping
from .engines import run_rule
from .identity import create_identified_view
from .outputs import write_output
from .parsing import ParsePlan, install_time_macros
from .preparation import (
    IDENTITY_MODES,
    Preparation,
    conflicting_rows,
    create_checked_view,
    create_incidents_view,
    duplicate_issues,
)
from .results import Issue, Progress, WorkbookResult
from .settings import WorkbookSettings
from .sources import load_source
from .sql_text import literal
from .summaries import invalid_issues, summarise

ENGINES = ("duckdb", "spark")


def run_workbook(
    source: Path | str,
    *,
    settings: WorkbookSettings,
    engine: str = "duckdb",
    identity: str = "auto",
    as_of: dt.datetime | None = None,
    mapping: ColumnMapping | None = None,
    out: Path | str | None = None,
    progress: Progress | None = None,
    memory_limit: str = "1GB",
    victim_details: bool = False,
) -> WorkbookResult:
    """Apply the workbook rule to one export; with `out`, write it there (atomically).

    `victim_details` also returns, for eligible incidents only, who the victim is
    (`WorkbookResult.victims`): for the referrals adapter, never for an output file.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}")
    if identity not in IDENTITY_MODES:
        raise ValueError(f"identity must be one of {', '.join(IDENTITY_MODES)}")
    with tempfile.TemporaryDirectory(prefix="haven-workbook-") as workdir:
        con = _connect(Path(workdir), memory_limit)
        try:
            return _run(
                con,
                Path(source),
                Path(workdir),
                settings,
                engine,
                identity,
                as_of,
                mapping or ColumnMapping(),
                out,
                progress,
                victim_details,
            )
        finally:
            con.close()


def _connect(workdir: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": str(workdir)})
    con.execute("SET preserve_insertion_order = false")
    con.execute("SET enable_progress_bar = false")
    return con


def _run(
    con: duckdb.DuckDBPyConnection,
    source: Path,
    workdir: Path,
    settings: WorkbookSettings,
    engine: str,
    identity: str,
    as_of: dt.datetime | None,
    mapping: ColumnMapping,
    out: Path | str | None,
    progress: Progress | None,
    victim_details: bool = False,
) -> WorkbookResult:
    install_time_macros(con, settings.timezone)
    loaded = load_source(con, source, mapping, workdir, progress)
    _step(progress, "checking rows", loaded.rows_read)
    plan = ParsePlan(
        mapping=mapping, typed_columns=loaded.typed_columns, timezone=settings.timezone
    )
    as_of_us = _as_of_us(as_of)
    create_checked_view(con, Preparation(plan=plan, identity=identity, as_of_us=as_of_us))
    create_incidents_view(con)
    duplicates, duplicate_warnings = duplicate_issues(con)
    _step(progress, "resolving identities", loaded.rows_read)
    outcome = create_identified_view(con, identity, settings, progress)
    _create_prepared_view(con)
    _step(progress, f"applying the rule ({engine})", loaded.rows_read)
    result_path = run_rule(con, settings, engine, workdir, as_of_us)
    summary = summarise(con, result_path, engine=engine, identity=identity)
    summary.rows_read = loaded.rows_read
    summary.identity_parameters = outcome.parameters
    summary.duplicates = duplicates + conflicting_rows(con)
    issues: list[Issue] = [*loaded.warnings, *duplicate_warnings, *invalid_issues(con, result_path)]
    summary.warnings = len(loaded.warnings) + len(duplicate_warnings)
    result = WorkbookResult(summary=summary, issues=sorted(issues, key=lambda i: i.row))
    if victim_details:
        result.victims = _eligible_victims(con, result_path)
    if out is None:
        result.table = _read_table(con, result_path)
    else:
        _step(progress, "writing the output", summary.incidents)
        result.output_path = write_output(con, result_path, Path(out))
    _step(progress, "done", summary.incidents)
    return result


def _eligible_victims(con: duckdb.DuckDBPyConnection, result_path: Path) -> pa.Table:
    """The eligible incidents with their victim's fields as read (after trimming)."""
    query = f"""
        SELECT r.incident_id, r.source_row, r.victim_key, r.match_confidence, r.contact_due,
               i.reported_us, lower(i.victim_nominal_id) AS nominal_id,
               i.victim_forename AS forename, i.victim_surname AS surname,
               i.victim_dob AS date_of_birth, i.victim_postcode AS postcode, i.risk_grade
        FROM read_parquet({literal(str(result_path))}) r JOIN incidents i USING (source_row)
        WHERE r.eligible = 'true'
        ORDER BY r.source_row
    """
    return con.sql(query).to_arrow_table()


def _create_prepared_view(con: duckdb.DuckDBPyConnection) -> None:
    """What the rule reads: who (resolved identity), when (UTC microseconds), grade, problem."""
    con.execute(
        """
        CREATE OR REPLACE VIEW prepared AS
        SELECT source_row, incident_id, reported_us, risk_grade, problem, victim_identity,
               match_confidence
        FROM identified
        """
    )


def _as_of_us(as_of: dt.datetime | None) -> int:
    moment = as_of or dt.datetime.now(dt.UTC)
    if moment.tzinfo is None:
        raise ValueError("as_of must carry a time zone")
    return int(moment.timestamp() * 1_000_000)


def _read_table(con: duckdb.DuckDBPyConnection, result_path: Path) -> pa.Table:
    query = f"SELECT * FROM read_parquet({literal(str(result_path))}) ORDER BY source_row"
    return con.sql(query).to_arrow_table()


def _step(progress: Progress | None, stage: str, total: int) -> None:
    if progress:
        progress(stage, 0, total)
