"""The Splink model for victims without a nominal id: blocking, comparisons and training."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on

TRAINED_RECORDS_KEY = "haven_trained_on_records"
SHIPPED_MODEL = Path(__file__).resolve().parents[1] / "model" / "identity-model.json"


def identity_settings() -> SettingsCreator:
    """Block on date of birth, postcode and a phonetic surname; compare names, dob, postcode."""
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        blocking_rules_to_generate_predictions=[
            block_on("dob"),
            block_on("postcode"),
            block_on("surname_sound", "birth_year"),
        ],
        comparisons=[
            _name_comparison("forename"),
            _name_comparison("surname"),
            _dob_comparison(),
            _postcode_comparison(),
        ],
        retain_intermediate_calculation_columns=False,
        retain_matching_columns=False,
    )


def _name_comparison(column: str) -> cl.CustomComparison:
    """Exact ignoring case and spaces, then Jaro-Winkler bands, then initials."""
    return cl.CustomComparison(
        output_column_name=column,
        comparison_levels=[
            cll.NullLevel(column),
            cll.ExactMatchLevel(f"{column}_compact"),
            cll.JaroWinklerLevel(column, 0.92),
            cll.JaroWinklerLevel(column, 0.80),
            cll.CustomLevel(
                f"substr({column}_l, 1, 1) = substr({column}_r, 1, 1)",
                label_for_charts="same initial",
            ),
            cll.ElseLevel(),
        ],
    )


def _dob_comparison() -> cl.CustomComparison:
    """Exact, day and month swapped, one digit off."""
    swapped = (
        "substr(dob_l, 1, 4) = substr(dob_r, 1, 4) AND substr(dob_l, 6, 2) = substr(dob_r, 9, 2)"
        " AND substr(dob_l, 9, 2) = substr(dob_r, 6, 2)"
    )
    return cl.CustomComparison(
        output_column_name="dob",
        comparison_levels=[
            cll.NullLevel("dob"),
            cll.ExactMatchLevel("dob"),
            cll.CustomLevel(swapped, label_for_charts="day and month swapped"),
            cll.DamerauLevenshteinLevel("dob", 1),
            cll.ElseLevel(),
        ],
    )


def _postcode_comparison() -> cl.CustomComparison:
    """Normalised postcode exact, one character off, then the same outward code."""
    return cl.CustomComparison(
        output_column_name="postcode",
        comparison_levels=[
            cll.NullLevel("postcode"),
            cll.ExactMatchLevel("postcode"),
            cll.DamerauLevenshteinLevel("postcode", 1),
            cll.ExactMatchLevel("postcode_outward"),
            cll.ElseLevel(),
        ],
    )


PROBABILITY_FLOOR = 1e-4


def load_model(path: Path, records: int) -> dict[str, Any]:
    """A saved model, its match prior rescaled from the training file's size to this one's.

    Each person has about the same number of records whatever the file's size, so the chance
    that two random records match scales with 1 / records.
    """
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    trained_on = int(model.get(TRAINED_RECORDS_KEY, 0))
    prior = float(model["probability_two_random_records_match"])
    if trained_on and records:
        prior = min(0.5, prior * trained_on / records)
    model["probability_two_random_records_match"] = prior
    return model


def floor_probabilities(model: dict[str, Any]) -> dict[str, Any]:
    """Clamp m and u so that no comparison level is an absolute veto."""
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            for key in ("m_probability", "u_probability"):
                if key in level:
                    level[key] = max(float(level[key]), PROBABILITY_FLOOR)
    return model


def train(linker: Linker, records: int) -> None:
    """Estimate the model from the data itself (no labels needed)."""
    linker.training.estimate_probability_two_random_records_match(
        [block_on("forename_compact", "surname_compact", "dob")], recall=0.8
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=5)
    sample = min(1.0, max(0.05, 200_000 / max(records, 1)))
    for rule in (block_on("dob"), block_on("postcode")):
        linker.training.estimate_parameters_using_expectation_maximisation(
            rule, record_sample_proportion=sample
        )
