"""Count the result rows by outcome, and list the invalid ones as issues."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

from pathlib import Path

import duckdb

from .results import Issue, Summary
from .sql_text import literal


def summarise(
    con: duckdb.DuckDBPyConnection, result_path: Path, *, engine: str, identity: str
) -> Summary:
    rows = con.execute(
        f"""
        SELECT CASE WHEN eligible = 'true' THEN 'eligible'
                    WHEN starts_with(reason, 'invalid:') THEN 'invalid'
                    WHEN starts_with(reason, 'excluded:')
                        THEN regexp_extract(reason, '^excluded: ([^;]*?) stays', 1)
                    ELSE 'not eligible' END AS outcome,
               starts_with(reason, 'excluded:') AS excluded,
               count(*)
        FROM read_parquet({literal(str(result_path))}) GROUP BY ALL
        """
    ).fetchall()
    summary = Summary(engine=engine, identity=identity)
    for outcome, excluded, count in rows:
        summary.incidents += int(count)
        if excluded:
            summary.excluded[str(outcome)] = int(count)
        elif outcome == "eligible":
            summary.eligible = int(count)
        elif outcome == "invalid":
            summary.invalid = int(count)
        else:
            summary.not_eligible = int(count)
    return summary


def invalid_issues(con: duckdb.DuckDBPyConnection, result_path: Path) -> list[Issue]:
    """Each invalid row: its row number, the field and the reason (from `invalid: field: why`)."""
    rows = con.execute(
        f"""
        SELECT source_row, coalesce(incident_id, ''), reason FROM read_parquet({literal(str(result_path))})
        WHERE starts_with(reason, 'invalid: ') ORDER BY source_row
        """
    ).fetchall()
    issues = []
    for row, incident_id, reason in rows:
        field, _, why = str(reason).removeprefix("invalid: ").partition(": ")
        issues.append(Issue(row=int(row), field=field, reason=why, incident_id=str(incident_id)))
    return issues
