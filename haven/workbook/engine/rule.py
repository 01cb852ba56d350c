"""The automated-workbook rule (seed 000 s5), written once in SQL and transpiled per engine.

For each incident, count the same victim's OTHER incidents that come earlier in
(`reported_at`, `incident_id`) order and no more than `window_days` x 24 h before it.
Eligible when `min_prior <= count < max_prior_exclusive` and the police risk grade is not
excluded by the contract profile. `reason_sql` words the outcome (in DuckDB, for every engine).
"""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import sqlglot

from .settings import WorkbookSettings
from .sql_text import literal, literal_list

ENGINE_DIALECTS = {"duckdb": "duckdb", "spark": "spark"}


def rule_sql(settings: WorkbookSettings, source: str = "prepared", dialect: str = "duckdb") -> str:
    """The rule over `source` (the prepared incidents) in the engine's SQL dialect."""
    sql = _rule_duckdb_sql(settings, source)
    if dialect == "duckdb":
        return sql
    return sqlglot.transpile(sql, read="duckdb", write=ENGINE_DIALECTS[dialect])[0]


def _rule_duckdb_sql(settings: WorkbookSettings, source: str) -> str:
    shown = settings.max_prior_exclusive - 1
    # an invalid row has no identity: invalid rows share the NULL partition, apart from everyone
    victim = "PARTITION BY victim_identity"
    by_victim = f"{victim} ORDER BY reported_us, incident_id"
    lags = ",\n".join(
        f"LAG(incident_id, {k}) OVER ({by_victim}) AS prior_{k}" for k in range(1, shown + 1)
    )
    # seed 000 s5: prior = earlier in (reported_at, incident_id) order, within 365 x 24 h:
    # rows before this one in that order, less those more than 365 x 24 h before it
    return f"""
WITH graded AS (
    SELECT source_row, incident_id, reported_us, victim_identity, problem, match_confidence,
           CASE WHEN risk_grade IN {literal_list(settings.exclude_police_risk_grades)}
                THEN risk_grade END AS excluded_grade
    FROM {source}
), counted AS (
    SELECT *, ROW_NUMBER() OVER ({by_victim}) - 1 - COUNT(*) OVER (
        {victim} ORDER BY reported_us
        RANGE BETWEEN UNBOUNDED PRECEDING AND {settings.window_microseconds + 1} PRECEDING)
        AS prior_count,
{lags}
    FROM graded
)
SELECT source_row, incident_id,
       COALESCE(problem IS NULL AND {_in_range(settings)} AND excluded_grade IS NULL, FALSE)
           AS eligible,
       CASE WHEN problem IS NULL THEN CAST(prior_count AS INTEGER) END AS prior_incidents_365d,
       victim_identity,
       CASE WHEN problem IS NULL THEN NULLIF({_prior_ids(shown)}, '') END AS prior_incident_ids,
       excluded_grade, problem, match_confidence, reported_us
FROM counted
"""


def _in_range(settings: WorkbookSettings) -> str:
    return f"prior_count >= {settings.min_prior} AND prior_count < {settings.max_prior_exclusive}"


def _prior_ids(shown: int) -> str:
    """Oldest first, separated by ';'; beyond `shown` the earliest are summarised."""
    parts = ", ".join(
        f"CASE WHEN prior_count >= {k} THEN prior_{k} END" for k in range(shown, 0, -1)
    )
    more = (
        f"CASE WHEN prior_count > {shown} "
        f"THEN '+' || CAST(prior_count - {shown} AS VARCHAR) || ' earlier;' ELSE '' END"
    )
    return f"{more} || CONCAT_WS(';', {parts})"


def reason_sql(settings: WorkbookSettings) -> str:
    """Why, from the rule's columns: constant text for each count the rule cares about."""
    low, high = settings.min_prior, settings.max_prior_exclusive
    cite = f" ({settings.citation})"
    whens = ["WHEN problem IS NOT NULL THEN 'invalid: ' || problem"]
    for count in range(high):
        counted = _counted(count, settings.window_days)
        if count < low:
            text = f"not eligible: {counted}; needs at least {low}{cite}"
        else:
            whens += [
                f"WHEN prior_incidents_365d = {count} AND excluded_grade = {literal(grade)} THEN "
                + literal(
                    f"excluded: police risk grade {grade} stays with police specialists; {counted}"
                )
                for grade in settings.exclude_police_risk_grades
            ]
            text = f"eligible: {counted}; {low} to {high - 1} qualify{cite}"
        whens.append(f"WHEN prior_incidents_365d = {count} THEN {literal(text)}")
    beyond = (
        f"'not eligible: ' || CAST(prior_incidents_365d AS VARCHAR) || "
        f"{literal(f' prior incidents in {settings.window_days} days; needs fewer than {high}{cite}')}"
    )
    return "CASE " + " ".join(whens) + f" ELSE {beyond} END"


def _counted(count: int, window_days: int) -> str:
    noun = "incident" if count == 1 else "incidents"
    return f"{count} prior {noun} in {window_days} days"
