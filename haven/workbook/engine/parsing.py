"""SQL that reads each raw field into a typed value, or says which field is wrong and why."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from .columns import ColumnMapping
from .sql_text import literal

DEFAULT_DATETIME_FORMATS: tuple[str, ...] = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M")
DEFAULT_DATE_FORMATS: tuple[str, ...] = ("%d/%m/%Y",)
EARLIEST_PLAUSIBLE = "1900-01-01"
OFFSET_PATTERN = r"(Z|z|[+-]\d\d(:?\d\d)?)$"


@dataclass(frozen=True)
class ParsePlan:
    """How to read the two date columns, given the source's types and the mapping."""

    mapping: ColumnMapping
    typed_columns: dict[str, str]
    timezone: str


def install_time_macros(con: duckdb.DuckDBPyConnection, timezone: str) -> None:
    """Macros between wall-clock time in the service's zone and UTC microseconds.

    A wall-clock time in the repeated autumn hour is read as its first occurrence (BST).
    """
    zone = literal(timezone)
    con.execute(f"SET TimeZone = {zone}")
    con.execute(
        f"""
        CREATE OR REPLACE MACRO local_to_utc_us(local_ts) AS (
            CASE
                WHEN timezone({zone}, timezone({zone}, local_ts) - INTERVAL 1 HOUR) = local_ts
                THEN epoch_us(timezone({zone}, local_ts) - INTERVAL 1 HOUR)
                ELSE epoch_us(timezone({zone}, local_ts))
            END)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE MACRO local_us(utc_us) AS
            epoch_us(timezone({zone}, make_timestamptz(utc_us)))
        """
    )
    con.execute(
        """
        CREATE OR REPLACE MACRO iso_offset(local_us, utc_us) AS (
            CASE WHEN local_us >= utc_us THEN '+' ELSE '-' END
            || strftime(make_timestamp(abs(local_us - utc_us)), '%H:%M'))
        """
    )


def reported_us_sql(plan: ParsePlan) -> str:
    """BIGINT microseconds since the epoch (UTC), NULL when unreadable."""
    typed = plan.typed_columns.get("reported_at", "")
    if typed.startswith("TIMESTAMP WITH TIME ZONE"):
        return "epoch_us(reported_at)"
    if typed.startswith("TIMESTAMP") or typed == "DATE":
        return "local_to_utc_us(reported_at::TIMESTAMP)"
    if typed:
        return "NULL::BIGINT"
    text = "trim(reported_at)"
    formats = plan.mapping.formats.get("reported_at", ())
    aware = [f for f in formats if "%z" in f or "%Z" in f]
    naive = [f for f in formats if f not in aware] or list(DEFAULT_DATETIME_FORMATS)
    choices = [f"epoch_us(try_strptime({text}, {literal(f)}))" for f in aware]
    if not formats:
        choices.append(
            f"CASE WHEN regexp_matches({text}, {literal(OFFSET_PATTERN)}) "
            f"THEN epoch_us(try_cast({text} AS TIMESTAMPTZ)) "
            f"ELSE local_to_utc_us(try_cast({text} AS TIMESTAMP)) END"
        )
    choices += [f"local_to_utc_us(try_strptime({text}, {literal(f)}))" for f in naive]
    return f"coalesce({', '.join(choices)})"


def dob_sql(plan: ParsePlan) -> str:
    """DATE of birth, NULL when unreadable."""
    typed = plan.typed_columns.get("victim_dob", "")
    if typed == "DATE" or typed.startswith("TIMESTAMP"):
        return "victim_dob::DATE"
    if typed:
        return "NULL::DATE"
    text = "trim(victim_dob)"
    formats = plan.mapping.formats.get("victim_dob", ())
    choices = [f"try_strptime({text}, {literal(f)})::DATE" for f in formats]
    if not formats:
        choices.append(f"try_cast({text} AS DATE)")
        choices += [f"try_strptime({text}, {literal(f)})::DATE" for f in DEFAULT_DATE_FORMATS]
    return f"coalesce({', '.join(choices)})"


def present_sql(column: str, plan: ParsePlan) -> str:
    """TRUE when the field holds something (a typed value, or text that is not blank)."""
    if column in plan.typed_columns:
        return f"{column} IS NOT NULL"
    return f"{text_sql(column)} IS NOT NULL"


def text_sql(column: str) -> str:
    """Trimmed text; blank becomes NULL.

    DuckDB's `trim` removes ASCII spaces and Unicode spaces (not tabs or newlines), so text that
    is all ASCII (as many bytes as characters) and neither starts nor ends with a space is
    already trimmed: skipping `trim` for it halves the cost of reading ten million ids.
    """
    text = f"CAST({column} AS VARCHAR)"
    untouched = (
        f"NOT starts_with({text}, ' ') AND NOT ends_with({text}, ' ') "
        f"AND strlen({text}) = length({text})"
    )
    return f"nullif(CASE WHEN {untouched} THEN {text} ELSE trim({text}) END, '')"


def grade_sql(mapping: ColumnMapping) -> str:
    """The police risk grade, lower case, after the mapping's renames."""
    cleaned = "lower(trim(CAST(risk_grade AS VARCHAR)))"
    if not mapping.risk_grades:
        return f"nullif({cleaned}, '')"
    cases = " ".join(
        f"WHEN {literal(k.strip().lower())} THEN {literal(v.strip().lower())}"
        for k, v in mapping.risk_grades.items()
    )
    return f"nullif(CASE {cleaned} {cases} ELSE {cleaned} END, '')"
