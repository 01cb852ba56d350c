"""Splink (DuckDB backend) links identity records when the police nominal id is missing."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from .identity_model import (
    SHIPPED_MODEL,
    TRAINED_RECORDS_KEY,
    fill_unestimated,
    fixed_model,
    floor_probabilities,
    identity_settings,
    load_model,
    model_problem,
    train,
)
from .phonetics import soundex
from .results import Progress
from .settings import WorkbookSettings
from .sql_text import fetch_int

MIN_RECORDS_TO_TRAIN = 2_000  # below this the shipped model is steadier than EM
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resolution:
    records: int
    pairs: int
    parameters: str  # where the model's parameters came from, for the summary


def resolve_identities(
    con: duckdb.DuckDBPyConnection,
    settings: WorkbookSettings,
    *,
    keep_nominal: bool,
    progress: Progress | None = None,
) -> Resolution:
    """Fill `resolved_identities(record_signature, victim_identity, match_confidence)`."""
    from .identity import record_signature_sql

    nominal = "min(lower(victim_nominal_id))" if keep_nominal else "CAST(NULL AS VARCHAR)"
    group = ", lower(victim_nominal_id)" if keep_nominal else ""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE identity_records AS
        SELECT row_number() OVER (ORDER BY signature, nominal_id NULLS FIRST) AS unique_id, *
        FROM (
            SELECT {record_signature_sql()} AS signature, {nominal} AS nominal_id,
                   any_value({_letters("victim_forename")}) AS forename,
                   any_value({_letters("victim_surname")}) AS surname,
                   any_value(strftime(victim_dob, '%Y-%m-%d')) AS dob,
                   any_value(victim_postcode) AS postcode
            FROM incidents WHERE problem IS NULL
            GROUP BY {record_signature_sql()}{group}
        )
        """
    )
    _add_matching_columns(con)
    records = _count(con, "identity_records")
    if progress:
        progress("matching identities (Splink)", 0, records)
    pairs_table, parameters = _predict_pairs(con, settings, records)
    pairs = _count(con, pairs_table)
    _cluster(con, pairs_table, settings, keep_nominal=keep_nominal)
    return Resolution(records=records, pairs=pairs, parameters=parameters)


def _letters(column: str) -> str:
    return f"trim(regexp_replace(lower({column}), '[^a-z'' -]', '', 'g'))"


def _add_matching_columns(con: duckdb.DuckDBPyConnection) -> None:
    surnames = [
        r[0] for r in con.execute("SELECT DISTINCT surname FROM identity_records").fetchall()
    ]
    sounds = pa.table({"surname": surnames, "surname_sound": [soundex(s or "") for s in surnames]})
    con.register("surname_sounds", sounds)
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE identity_records AS
        SELECT r.*, replace(replace(r.forename, ' ', ''), '-', '') AS forename_compact,
               replace(replace(r.surname, ' ', ''), '-', '') AS surname_compact,
               s.surname_sound, substr(r.dob, 1, 4) AS birth_year,
               regexp_extract(r.postcode, '^(.*?)[0-9][A-Z]{2}$', 1) AS postcode_outward
        FROM identity_records r LEFT JOIN surname_sounds s ON r.surname = s.surname
        """
    )
    con.unregister("surname_sounds")


def _predict_pairs(
    con: duckdb.DuckDBPyConnection, settings: WorkbookSettings, records: int
) -> tuple[str, str]:
    """Score candidate pairs and keep those at or above the profile's match threshold."""
    from splink import DuckDBAPI, Linker

    db_api = DuckDBAPI(connection=con)
    if settings.splink_model is not None:
        model, parameters = load_model(settings.splink_model, records), "the model given"
    elif records < MIN_RECORDS_TO_TRAIN:
        model, parameters = load_model(SHIPPED_MODEL, records), "the shipped model"
    else:
        model, parameters = _estimated_model(con, settings, records)
    # levels never seen in training get a small floor rather than an absolute veto
    model = floor_probabilities(model)
    model.pop(TRAINED_RECORDS_KEY, None)
    linker = Linker(db_api.register("identity_records"), model, log_level=logging.WARNING)
    predictions = linker.inference.predict(threshold_match_probability=settings.match_threshold)
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE identity_pairs AS
        SELECT unique_id_l, unique_id_r, match_probability FROM {predictions.physical_name}
        """
    )
    predictions.drop_table_from_database_and_remove_from_cache()
    return "identity_pairs", parameters


def _estimated_model(
    con: duckdb.DuckDBPyConnection, settings: WorkbookSettings, records: int
) -> tuple[dict[str, Any], str]:
    """The model Splink estimates from this file; the fixed parameters when it cannot."""
    from splink import DuckDBAPI, Linker
    from splink.internals.exceptions import SplinkException

    problem = "no two records share forename, surname and date of birth"
    if _sure_pairs(con):
        linker = Linker(
            DuckDBAPI(connection=con).register("identity_records"),
            identity_settings(),
            log_level=logging.ERROR,
        )
        try:
            train(linker, records)
        except (ArithmeticError, ValueError, SplinkException) as error:
            # e.g. no pair sure enough to estimate how many match: a prior of 0, `math domain error`
            problem = f"training failed ({type(error).__name__})"
        else:
            model = fill_unestimated(linker.misc.save_model_to_json())
            problem = model_problem(model) or ""
            if not problem:
                _save_model(settings, model, records)
                return model, "estimated from this file"
    logger.warning("workbook identity: fixed parameters used: %s", problem)
    return fixed_model(records), f"fixed parameters (could not estimate them: {problem})"


def _save_model(settings: WorkbookSettings, model: dict[str, Any], records: int) -> None:
    if settings.splink_model_out is not None:
        saved = {**model, TRAINED_RECORDS_KEY: records}
        settings.splink_model_out.write_text(json.dumps(saved, indent=2), encoding="utf-8")


def _sure_pairs(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether training's deterministic rule (see `identity_model.train`) finds any pair."""
    sql = """
        SELECT count(*) FROM (SELECT 1 FROM identity_records l JOIN identity_records r
            ON l.forename_compact = r.forename_compact AND l.surname_compact = r.surname_compact
           AND l.dob = r.dob AND l.unique_id < r.unique_id LIMIT 1)
    """
    return fetch_int(con, sql) > 0


def _cluster(
    con: duckdb.DuckDBPyConnection,
    pairs_table: str,
    settings: WorkbookSettings,
    *,
    keep_nominal: bool,
) -> None:
    """Records that share a nominal id keep it; the rest join it or form their own people."""
    from splink import DuckDBAPI
    from splink.clustering import cluster_pairwise_predictions_at_threshold

    _adopt_nominal_ids(con, pairs_table, keep_nominal=keep_nominal)
    db_api = DuckDBAPI(connection=con)
    clusters = cluster_pairwise_predictions_at_threshold(
        nodes="unadopted_records",
        edges="unadopted_pairs",
        db_api=db_api,
        node_id_column_name="unique_id",
        threshold_match_probability=settings.match_threshold,
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE resolved_identities AS
        SELECT signature AS record_signature, victim_identity,
               printf('%.3f', match_probability) AS match_confidence
        FROM adopted_records
        UNION ALL
        SELECT r.signature, 'p:' || min(r.signature) OVER (PARTITION BY c.cluster_id),
               printf('%.3f', best.match_probability)
        FROM {clusters.physical_name} c
        JOIN identity_records r USING (unique_id)
        LEFT JOIN (
            SELECT unique_id, max(match_probability) AS match_probability FROM (
                SELECT unique_id_l AS unique_id, match_probability FROM unadopted_pairs
                UNION ALL
                SELECT unique_id_r, match_probability FROM unadopted_pairs)
            GROUP BY unique_id
        ) best USING (unique_id)
        """
    )


def _adopt_nominal_ids(
    con: duckdb.DuckDBPyConnection, pairs_table: str, *, keep_nominal: bool
) -> None:
    """Auto mode: a record without an id takes the id of its best match that has one."""
    both_ways = f"""
        SELECT unique_id_l AS unique_id, unique_id_r AS other_id, match_probability FROM {pairs_table}
        UNION ALL
        SELECT unique_id_r, unique_id_l, match_probability FROM {pairs_table}"""
    adoption = "TRUE" if keep_nominal else "FALSE"
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE adopted_records AS
        SELECT r.unique_id, r.signature, 'n:' || arg_max(o.nominal_id, p.match_probability)
                   AS victim_identity, max(p.match_probability) AS match_probability
        FROM ({both_ways}) p
        JOIN identity_records r ON r.unique_id = p.unique_id AND r.nominal_id IS NULL
        JOIN identity_records o ON o.unique_id = p.other_id AND o.nominal_id IS NOT NULL
        WHERE {adoption}
        GROUP BY r.unique_id, r.signature
        """
    )
    con.execute(
        """
        CREATE OR REPLACE TEMP TABLE unadopted_records AS
        SELECT unique_id FROM identity_records
        WHERE nominal_id IS NULL AND unique_id NOT IN (SELECT unique_id FROM adopted_records)
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE unadopted_pairs AS
        SELECT * FROM {pairs_table}
        WHERE unique_id_l IN (SELECT unique_id FROM unadopted_records)
          AND unique_id_r IN (SELECT unique_id FROM unadopted_records)
        """
    )


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return fetch_int(con, f"SELECT count(*) FROM {table}")
