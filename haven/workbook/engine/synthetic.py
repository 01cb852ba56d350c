"""Synthetic police exports (made-up people only) for tests, demos and benchmarks.

Generated in DuckDB from hashes of the row number, so the same seed gives the same file at any
size and on any number of threads. Repeat victims are heavy-tailed; typos can be planted in the
victim fields, and `true_victim` keeps the ground truth for measuring identity resolution.
"""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
from faker.providers.person.en_GB import Provider as Names

from .sql_text import literal

AREAS = ("LE", "NG", "CV", "DE", "PE", "NN", "B", "S", "M", "L")


@dataclass(frozen=True)
class SyntheticExport:
    incidents: int
    victims_per_incident: float = 0.45  # distinct victims / incidents
    years: int = 3
    end: dt.datetime = dt.datetime(2026, 10, 1, tzinfo=dt.UTC)
    typo_rate: float = 0.0  # share of incidents with one typo in a victim field
    nominal_ids: bool = True
    seed: int = 0
    tail: float = 1.6  # higher = heavier repeat tail


def _uniform(column: str, salt: str, seed: int) -> str:
    """A deterministic uniform number in [0, 1) from `column` (row number or victim)."""
    return f"((hash({column}, {seed}, {literal(salt)}) % 1000000007) / 1000000007.0)"


def _pool(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(literal(v) for v in values) + "]"


def synthetic_sql(spec: SyntheticExport) -> str:
    """One row per incident with the default column names plus `true_victim`."""
    victims = max(1, int(spec.incidents * spec.victims_per_incident))
    span_s = spec.years * 365 * 86400
    start_s = int(spec.end.timestamp()) - span_s
    forenames = _pool(sorted(set(Names.first_names_female) | set(Names.first_names_male)))
    surnames = _pool(list(Names.last_names))

    def u(salt: str) -> str:
        return _uniform("i", salt, spec.seed)

    def v(salt: str) -> str:
        return _uniform("victim", salt, spec.seed)

    return f"""
WITH base AS (
    SELECT i, CAST(floor({victims} * pow({u("victim")}, {spec.tail})) AS BIGINT) AS victim
    FROM range({spec.incidents}) t(i)
), people AS (
    SELECT i, victim,
        list_extract({forenames}, 1 + CAST(floor({v("f")} * len({forenames})) AS INTEGER)) AS forename,
        list_extract({surnames}, 1 + CAST(floor({v("s")} * len({surnames})) AS INTEGER)) AS surname,
        DATE '1950-01-01' + CAST(floor({v("d")} * 20000) AS INTEGER) AS dob,
        list_extract({_pool(AREAS)}, 1 + CAST(floor({v("a")} * {len(AREAS)}) AS INTEGER))
            || CAST(1 + CAST(floor({v("n")} * 20) AS INTEGER) AS VARCHAR) || ' '
            || CAST(CAST(floor({v("m")} * 10) AS INTEGER) AS VARCHAR)
            || chr(65 + CAST(floor({v("x")} * 26) AS INTEGER))
            || chr(65 + CAST(floor({v("y")} * 26) AS INTEGER)) AS postcode,
        {u("typo")} < {spec.typo_rate} AS has_typo,
        CAST(floor({u("kind")} * 8) AS INTEGER) AS typo_kind,
        {u("risk")} AS risk_draw
    FROM base
)
SELECT 'INC' || lpad(CAST(i AS VARCHAR), 9, '0') AS incident_id,
       make_timestamptz(({start_s} + CAST(floor({u("t")} * {span_s}) AS BIGINT)) * 1000000)
           AS reported_at,
       {"'N' || CAST(victim AS VARCHAR)" if spec.nominal_ids else "CAST(NULL AS VARCHAR)"}
           AS victim_nominal_id,
       CASE WHEN has_typo AND typo_kind = 0 THEN {_drop_letter("forename")}
            WHEN has_typo AND typo_kind = 1 THEN upper(forename) ELSE forename END
           AS victim_forename,
       CASE WHEN has_typo AND typo_kind = 2 THEN {_swap_letters("surname")}
            WHEN has_typo AND typo_kind = 3 THEN {_drop_letter("surname")}
            ELSE surname END AS victim_surname,
       CASE WHEN has_typo AND typo_kind = 4 AND day(dob) <= 12
                THEN make_date(year(dob), day(dob), month(dob))
            WHEN has_typo AND typo_kind = 5 AND day(dob) < 19 THEN dob + 10
            ELSE dob END AS victim_dob,
       CASE WHEN has_typo AND typo_kind = 6 THEN replace(lower(postcode), ' ', '')
            WHEN has_typo AND typo_kind = 7 THEN {_swap_letters("postcode")}
            ELSE postcode END AS victim_postcode,
       CASE WHEN risk_draw < 0.08 THEN 'high' WHEN risk_draw < 0.35 THEN 'medium'
            ELSE 'standard' END AS risk_grade,
       'domestic incident' AS offence_type,
       victim AS true_victim
FROM people
"""


def _drop_letter(column: str) -> str:
    return f"CASE WHEN length({column}) > 3 THEN left({column}, 2) || substr({column}, 4) ELSE {column} END"


def _swap_letters(column: str) -> str:
    return (
        f"CASE WHEN length({column}) > 3 THEN left({column}, 1) || substr({column}, 3, 1) "
        f"|| substr({column}, 2, 1) || substr({column}, 4) ELSE {column} END"
    )


def write_synthetic_export(path: Path, spec: SyntheticExport) -> Path:
    """Write the export as Parquet (or CSV when `path` ends .csv)."""
    options = "FORMAT csv, HEADER true" if path.suffix == ".csv" else "FORMAT parquet"
    with duckdb.connect() as con:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(f"COPY ({synthetic_sql(spec)}) TO {literal(str(path))} ({options})")
    return path
