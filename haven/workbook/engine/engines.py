"""Run the rule on DuckDB (embedded, default) or Apache Spark; both leave the same Parquet file."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from .offsets import offset_sql, offset_text_sql, transitions
from .pseudonyms import victim_key_sql
from .rule import reason_sql, rule_sql
from .settings import WorkbookSettings
from .sql_text import literal

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

RESULT_FILE = "result.parquet"
COVERED_FROM = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # offsets before this come from ICU
COVER_AFTER = dt.timedelta(days=2)  # beyond the as-of time: contact is due 24 h after
_spark_session: SparkSession | None = None


def run_rule(
    con: duckdb.DuckDBPyConnection,
    settings: WorkbookSettings,
    engine: str,
    workdir: Path,
    as_of_us: int,
) -> Path:
    """Write the output rows to `workdir/result.parquet`, in no particular order.

    One pass on DuckDB: the rule, worded as it streams to the file. Sorting ten million wide
    rows by source row would cost as much as the rule itself, so writers that promise an order
    (CSV, XLSX, the in-memory table) sort what they read back.
    """
    result_path = workdir / RESULT_FILE
    if engine == "spark":
        rows = _spark_rule(con, settings, workdir)
        decided = f"read_parquet({literal(str(rows) + '/*.parquet')})"
    else:
        decided = f"({rule_sql(settings, 'prepared', 'duckdb')})"
    con.execute(
        f"COPY ({_presentation_sql(settings, decided, as_of_us)}) TO {literal(str(result_path))} "
        "(FORMAT parquet, COMPRESSION snappy)"  # zstd: 5 % more CPU for the whole run
    )
    return result_path


def _presentation_sql(settings: WorkbookSettings, decided: str, as_of_us: int) -> str:
    """Pseudonymise and word the decisions, in DuckDB for every engine: one writer."""
    due = f"reported_us + {settings.contact_within_hours * 3600 * 1_000_000}"  # seed 000 s5: 24 h
    spans = transitions(
        settings.timezone,
        COVERED_FROM,
        dt.datetime.fromtimestamp(as_of_us / 1e6, dt.UTC) + COVER_AFTER,
    )
    local = "due_us + due_offset_us"
    return f"""
        SELECT incident_id, CASE WHEN eligible THEN 'true' ELSE 'false' END AS eligible,
               prior_incidents_365d,
               {victim_key_sql(settings.pseudonym_key, "victim_identity")} AS victim_key,
               prior_incident_ids, {reason_sql(settings)} AS reason, match_confidence,
               replace(CAST(make_timestamp({local}) AS VARCHAR), ' ', 'T')
                   || {offset_text_sql(spans, "due_offset_us", f"iso_offset({local}, due_us)")}
                   AS contact_due,
               source_row
        FROM (
            SELECT *, {offset_sql(spans, "due_us", "local_us(due_us) - due_us")} AS due_offset_us
            FROM (SELECT *, {due} AS due_us FROM {decided})
        )
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
