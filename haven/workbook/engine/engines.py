"""Run the rule on DuckDB (embedded, default) or Apache Spark; both leave the same Parquet file."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from .pseudonyms import victim_key_sql
from .rule import reason_sql, rule_sql
from .settings import WorkbookSettings
from .sql_text import literal

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

RESULT_FILE = "result.parquet"
_spark_session: SparkSession | None = None


def run_rule(
    con: duckdb.DuckDBPyConnection, settings: WorkbookSettings, engine: str, workdir: Path
) -> Path:
    """Write the output rows, ordered by source row, to `workdir/result.parquet`."""
    result_path = workdir / RESULT_FILE
    if engine == "spark":
        rows = _spark_rule(con, settings, workdir)
        source = f"read_parquet({literal(str(rows) + '/*.parquet')})"
        # sort Spark's compact rows, then word them in one streaming pass that keeps the order
        decided = workdir / "decided.parquet"
        con.execute(f"COPY (SELECT * FROM {source} ORDER BY source_row) TO {literal(str(decided))}")
        ordered = f"read_parquet({literal(str(decided))})"
    else:
        # one pass on DuckDB: the rule, sorted by source row, worded as it streams to the file
        ordered = (
            f"(SELECT * FROM ({rule_sql(settings, 'prepared', 'duckdb')}) ORDER BY source_row)"
        )
    con.execute("SET preserve_insertion_order = true")
    try:
        con.execute(
            f"COPY ({_presentation_sql(settings, ordered)}) TO {literal(str(result_path))} "
            "(FORMAT parquet, COMPRESSION zstd)"
        )
    finally:
        con.execute("SET preserve_insertion_order = false")
    return result_path


def _presentation_sql(settings: WorkbookSettings, decided: str) -> str:
    """Pseudonymise and word the decisions, in DuckDB for every engine: one writer."""
    due = f"reported_us + {settings.contact_within_hours * 3600 * 1_000_000}"  # seed 000 s5: 24 h
    return f"""
        SELECT incident_id, CASE WHEN eligible THEN 'true' ELSE 'false' END AS eligible,
               prior_incidents_365d,
               {victim_key_sql(settings.pseudonym_key, "victim_identity")} AS victim_key,
               prior_incident_ids, {reason_sql(settings)} AS reason, match_confidence,
               iso_with_offset(local_us({due}), {due}) AS contact_due,
               source_row
        FROM {decided}
    """


def _spark_rule(con: duckdb.DuckDBPyConnection, settings: WorkbookSettings, workdir: Path) -> Path:
    """DuckDB hands Spark the prepared rows as Parquet; Spark runs the transpiled rule."""
    prepared = workdir / "prepared.parquet"
    con.execute(f"COPY prepared TO {literal(str(prepared))} (FORMAT parquet)")
    spark = spark_session()
    spark.read.parquet(str(prepared)).createOrReplaceTempView("prepared")
    rows = workdir / "spark-rows"
    spark.sql(rule_sql(settings, "prepared", "spark")).write.mode("overwrite").parquet(str(rows))
    return rows


def spark_session() -> SparkSession:
    """One local Spark session per process (UTC, small shuffles); needs `haven[spark]` and Java."""
    global _spark_session
    if _spark_session is None:
        try:
            from pyspark.sql import SparkSession
        except ImportError as error:
            raise RuntimeError("the Spark engine needs `pip install haven[spark]`") from error
        _spark_session = (
            SparkSession.builder.master("local[2]")
            .appName("haven-workbook")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", "4g")
            .getOrCreate()
        )
        _spark_session.sparkContext.setLogLevel("ERROR")
    return _spark_session


def stop_spark_session() -> None:
    """Stop the process's Spark session, if one was started."""
    global _spark_session
    if _spark_session is not None:
        _spark_session.stop()
        _spark_session = None
