"""Splink (DuckDB backend) links identity records when the police nominal id is missing."""

# ruff: noqa: S608 - SQL is built here from quoted literals (sql_text.literal) and fixed names

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from .identity_model import (
    SHIPPED_MODEL,
    TRAINED_RECORDS_KEY,
    floor_probabilities,
    identity_settings,
    load_model,
    train,
)
from .phonetics import soundex
from .results import Progress
from .settings import WorkbookSettings
from .sql_text import fetch_int

MIN_RECORDS_TO_TRAIN = 2_000  # below this the shipped model is steadier than EM


@dataclass(frozen=True)
class Resolution:
    records: int
    pairs: int


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
    pairs_table = _predict_pairs(con, settings, records)
    pairs = _count(con, pairs_table)
    _cluster(con, pairs_table, settings, keep_nominal=keep_nominal)
    return Resolution(records=records, pairs=pairs)


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


def _predict_pairs(con: duckdb.DuckDBPyConnection, settings: WorkbookSettings, records: int) -> str:
    """Score candidate pairs and keep those at or above the profile's match threshold."""
    from splink import DuckDBAPI, Linker

    trained = records >= MIN_RECORDS_TO_TRAIN and settings.splink_model is None
    db_api = DuckDBAPI(connection=con)
    if trained:
        linker = Linker(
            db_api.register("identity_records"), identity_settings(), log_level=logging.WARNING
        )
        train(linker, records)
        model = linker.misc.save_model_to_json()
        if settings.splink_model_out is not None:
            model[TRAINED_RECORDS_KEY] = records
            settings.splink_model_out.write_text(json.dumps(model, indent=2), encoding="utf-8")
    else:
        model = load_model(settings.splink_model or SHIPPED_MODEL, records)
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
    return "identity_pairs"


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
