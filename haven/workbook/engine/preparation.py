"""Turn `source_rows` into `checked` (typed, first problem named) and `incidents` (one per id)."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .parsing import (
    EARLIEST_PLAUSIBLE,
    ParsePlan,
    dob_sql,
    grade_sql,
    present_sql,
    reported_us_sql,
    text_sql,
)
from .results import Issue
from .sql_text import fetch_int

IDENTITY_MODES = ("exact", "auto", "fuzzy")
# Haven keeps incident and nominal ids in 100-character columns (Referral.external_id,
# PoliceNominal.nominal_id): a longer one is an invalid row, not a failed import.
MAX_ID_LENGTH = 100


@dataclass(frozen=True)
class Preparation:
    """What the rule needs to know about the run: who is identified how, and when is now."""

    plan: ParsePlan
    identity: str
    as_of_us: int


def create_checked_view(con: duckdb.DuckDBPyConnection, prep: Preparation) -> None:
    """`checked`: every source row typed, with `problem` = 'field: reason' or NULL."""
    con.execute(
        f"""
        CREATE OR REPLACE VIEW parsed AS
        SELECT source_row,
               {text_sql("incident_id")} AS incident_id,
               {reported_us_sql(prep.plan)} AS reported_us,
               {present_sql("reported_at", prep.plan)} AS has_reported_at,
               {text_sql("victim_nominal_id")} AS victim_nominal_id,
               {text_sql("victim_forename")} AS victim_forename,
               {text_sql("victim_surname")} AS victim_surname,
               {dob_sql(prep.plan)} AS victim_dob,
               {present_sql("victim_dob", prep.plan)} AS has_dob,
               reported_at AS raw_reported_at, victim_dob AS raw_dob,
               nullif(upper(replace(trim(CAST(victim_postcode AS VARCHAR)), ' ', '')), '')
                   AS victim_postcode,
               {grade_sql(prep.plan.mapping)} AS risk_grade,
               {text_sql("offence_type")} AS offence_type,
               read_problem
        FROM source_rows
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE VIEW checked AS
        SELECT *, coalesce(read_problem, {_id_problem()}, {_reported_problem(prep.as_of_us)},
                           {_dob_problem()}, {_identity_problem(prep.identity)}) AS problem
        FROM parsed
        """
    )


def _id_problem() -> str:
    return f"""CASE
        WHEN incident_id IS NULL THEN 'incident_id: missing'
        WHEN length(incident_id) > {MAX_ID_LENGTH}
            THEN 'incident_id: longer than {MAX_ID_LENGTH} characters'
        WHEN length(victim_nominal_id) > {MAX_ID_LENGTH}
            THEN 'victim_nominal_id: longer than {MAX_ID_LENGTH} characters'
    END"""


def _reported_problem(as_of_us: int) -> str:
    return f"""CASE
        WHEN NOT has_reported_at THEN 'reported_at: missing'
        WHEN reported_us IS NULL
            THEN 'reported_at: cannot read ''' || trim(CAST(raw_reported_at AS VARCHAR)) || ''' as a date and time'
        WHEN reported_us < epoch_us(TIMESTAMPTZ '{EARLIEST_PLAUSIBLE} 00:00:00+00')
            THEN 'reported_at: ''' || trim(CAST(raw_reported_at AS VARCHAR)) || ''' is before {EARLIEST_PLAUSIBLE[:4]}'
        WHEN reported_us > {as_of_us}
            THEN 'reported_at: ''' || trim(CAST(raw_reported_at AS VARCHAR)) || ''' is after the as-of time'
    END"""


def _dob_problem() -> str:
    # A date of birth is personal data: the reason names the row and field, never the value, so
    # it can be stored with the run and shown on the page (the team has the export itself).
    return f"""CASE
        WHEN has_dob AND victim_dob IS NULL
            THEN 'victim_dob: cannot be read as a date'
        WHEN victim_dob < DATE '{EARLIEST_PLAUSIBLE}'
            THEN 'victim_dob: is before {EARLIEST_PLAUSIBLE[:4]}'
        WHEN reported_us IS NOT NULL AND victim_dob > make_timestamp(reported_us)::DATE
            THEN 'victim_dob: is after the incident'
    END"""


def _identity_problem(identity: str) -> str:
    if identity == "exact":
        return (
            "CASE WHEN victim_nominal_id IS NULL THEN 'victim_nominal_id: missing "
            "(run with --identity auto to match on name and date of birth)' END"
        )
    fields = ("victim_surname", "victim_forename", "victim_dob")
    unless = "victim_nominal_id IS NULL AND " if identity == "auto" else ""
    suffix = " and no victim_nominal_id" if identity == "auto" else " (needed to match identities)"
    cases = " ".join(
        f"WHEN {unless}{f} IS NULL AND {'NOT has_dob' if f == 'victim_dob' else 'TRUE'} "
        f"THEN '{f}: blank{suffix}'"
        for f in fields
    )
    return f"CASE {cases} END"


def create_incidents_view(con: duckdb.DuckDBPyConnection) -> None:
    """`incidents`: one row per distinct id (first row kept); conflicting copies are invalid.

    Finding repeated ids reads the id column alone: ids whose 64-bit hash occurs more than once
    are the candidates (every repeated id among them, and rarely a collision), and only their
    rows are then parsed and compared in full.
    """
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE repeated_hashes AS
        SELECT hash(incident_id) AS id_hash
        FROM (SELECT {text_sql("incident_id")} AS incident_id FROM source_rows)
        WHERE incident_id IS NOT NULL
        GROUP BY id_hash HAVING count(*) > 1
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE repeated_ids AS
        WITH candidates AS (
            SELECT * FROM checked
            WHERE hash(incident_id) IN (SELECT id_hash FROM repeated_hashes)
        ), repeated AS (
            SELECT incident_id FROM candidates WHERE incident_id IS NOT NULL
            GROUP BY incident_id HAVING count(*) > 1
        )
        SELECT incident_id, count(*) AS copies, min(source_row) AS first_row,
               max(source_row) AS last_row,
               count(DISTINCT hash({", ".join(IDENTITY_AND_TIME)}, problem))
                   AS identities,
               count(DISTINCT hash({", ".join(IDENTITY_AND_TIME + OTHER_FIELDS)},
                   problem)) AS versions,
               concat_ws(', ', {", ".join(_differs(f) for f in IDENTITY_AND_TIME + OTHER_FIELDS)})
                   AS fields,
               string_agg(CAST(source_row AS VARCHAR), ', ' ORDER BY source_row) AS source_rows
        FROM candidates SEMI JOIN repeated USING (incident_id)
        GROUP BY incident_id
        """
    )
    if fetch_int(con, "SELECT count(*) FROM repeated_ids") == 0:
        # the usual export: every id once, so every checked row is an incident as it stands
        # (joining ten million rows to an empty table still costs a tenth of the run)
        con.execute("CREATE OR REPLACE VIEW incidents AS SELECT * FROM checked")
        return
    # seed 000 s5 counts incident reports: a re-export that changes only other fields (offence
    # type, grade) is one report, as in its last row; copies that disagree on who or when
    # cannot be one report of one victim.
    con.execute(
        """
        CREATE OR REPLACE VIEW incidents AS
        SELECT c.* EXCLUDE (problem),
               CASE WHEN r.identities > 1
                    THEN 'incident_id: appears in rows ' || r.source_rows || ' with different '
                         || coalesce(nullif(r.fields, ''), 'content')
                    ELSE c.problem END AS problem
        FROM checked c LEFT JOIN repeated_ids r ON c.incident_id = r.incident_id
        WHERE r.incident_id IS NULL
           OR c.source_row = CASE WHEN r.identities = 1 AND r.versions > 1
                                  THEN r.last_row ELSE r.first_row END
        """
    )


# who and when: copies that disagree on these are not the same incident report
IDENTITY_AND_TIME = [
    "reported_us",
    "lower(victim_nominal_id)",
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_postcode",
]
OTHER_FIELDS = ["risk_grade", "offence_type"]


def _differs(expression: str) -> str:
    """SQL: the field's name when the copies disagree on it (NULL counts as a value)."""
    name = expression.removeprefix("lower(").removesuffix(")")
    name = "reported_at" if name == "reported_us" else name
    return (
        f"CASE WHEN count(DISTINCT coalesce(CAST({expression} AS VARCHAR), chr(0))) > 1 "
        f"THEN '{name}' END"
    )


def duplicate_issues(con: duckdb.DuckDBPyConnection) -> tuple[int, list[Issue]]:
    """Exact copies and re-exports (counted once) as warnings; the number of rows they removed."""
    rows = con.execute(
        "SELECT incident_id, copies, first_row, last_row, source_rows, versions, fields "
        "FROM repeated_ids WHERE identities = 1 ORDER BY first_row"
    ).fetchall()
    issues = []
    for incident_id, copies, first_row, last_row, source_rows, versions, fields in rows:
        if versions == 1:
            row, reason = first_row, f"exported {copies} times (rows {source_rows}); counted once"
        else:
            row = last_row
            reason = (
                f"exported {copies} times (rows {source_rows}) with different {fields}; "
                f"counted once, as in row {last_row}"
            )
        issues.append(
            Issue(
                row=int(row),
                field="incident_id",
                reason=reason,
                severity="warning",
                incident_id=str(incident_id),
            )
        )
    return sum(int(r[1]) - 1 for r in rows), issues


def conflicting_rows(con: duckdb.DuckDBPyConnection) -> int:
    """Rows folded into an id whose copies disagree on who or when (the id is invalid)."""
    return fetch_int(con, "SELECT sum(copies - 1) FROM repeated_ids WHERE identities > 1")
