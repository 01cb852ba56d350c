"""Resolve who each incident's victim is: the police nominal id, or Splink where it is missing."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .results import Progress
from .settings import WorkbookSettings
from .sql_text import fetch_int

NOMINAL_IDENTITY = "'n:' || lower(victim_nominal_id)"  # short: DuckDB inlines <= 12 bytes


@dataclass(frozen=True)
class IdentityOutcome:
    """How identities were resolved in this run."""

    mode: str  # exact | auto | fuzzy, as asked
    fuzzy_records: int = 0  # distinct identity records that went through Splink
    matched_pairs: int = 0  # record pairs at or above the match threshold
    parameters: str = ""  # where the matching model's parameters came from (fuzzy only)


def create_identified_view(
    con: duckdb.DuckDBPyConnection,
    mode: str,
    settings: WorkbookSettings,
    progress: Progress | None = None,
) -> IdentityOutcome:
    """`identified`: `incidents` plus `victim_identity` and `match_confidence` (text or NULL).

    An invalid row has no identity (NULL): it is nobody's prior incident.
    """
    nobody_unnamed = mode == "auto" and not _any_valid_row_without_nominal(con)
    mode_used = "exact" if nobody_unnamed else mode
    if mode_used == "exact":
        con.execute(
            f"""
            CREATE OR REPLACE VIEW identified AS
            SELECT *, CASE WHEN problem IS NULL THEN {NOMINAL_IDENTITY} END AS victim_identity,
                      CAST(NULL AS VARCHAR) AS match_confidence
            FROM incidents
            """
        )
        return IdentityOutcome(mode=mode)
    from .fuzzy_identity import resolve_identities

    resolution = resolve_identities(con, settings, keep_nominal=mode == "auto", progress=progress)
    con.execute(
        f"""
        CREATE OR REPLACE VIEW identified AS
        SELECT i.*,
               CASE WHEN i.problem IS NOT NULL THEN NULL
                    WHEN {_uses_nominal(mode)} THEN {NOMINAL_IDENTITY}
                    ELSE r.victim_identity END AS victim_identity,
               CASE WHEN i.problem IS NULL AND NOT ({_uses_nominal(mode)})
                    THEN r.match_confidence END AS match_confidence
        FROM incidents i LEFT JOIN resolved_identities r
          ON i.problem IS NULL AND r.record_signature = {record_signature_sql("i.")}
        """
    )
    return IdentityOutcome(
        mode=mode,
        fuzzy_records=resolution.records,
        matched_pairs=resolution.pairs,
        parameters=resolution.parameters,
    )


def _uses_nominal(mode: str) -> str:
    return "victim_nominal_id IS NOT NULL" if mode == "auto" else "FALSE"


def _any_valid_row_without_nominal(con: duckdb.DuckDBPyConnection) -> bool:
    sql = "SELECT count(*) FROM incidents WHERE problem IS NULL AND victim_nominal_id IS NULL"
    return fetch_int(con, sql) > 0


def record_signature_sql(prefix: str = "") -> str:
    """One identity record: the victim fields as written (after trimming), joined."""
    fields = ("victim_forename", "victim_surname", "victim_dob", "victim_postcode")
    parts = ", ".join(f"coalesce(CAST({prefix}{f} AS VARCHAR), '')" for f in fields)
    return f"lower(concat_ws('|', {parts}))"
