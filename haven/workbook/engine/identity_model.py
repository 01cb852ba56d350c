"""The Splink model for victims without a nominal id: blocking, comparisons and training."""

from __future__ import annotations

import json
import math
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


# Fixed (m, u) per comparison level, after the null level, in `identity_settings()` order: used
# when the file cannot train a model of its own. m = chance of the level for two records of the
# same person, u = for two different people. The reasoning is in the workbook README.
FIXED_PARAMETERS: dict[str, tuple[tuple[float, float], ...]] = {
    # exact, Jaro-Winkler >= 0.92, >= 0.8, same initial, anything else
    "forename": ((0.71, 3e-3), (0.08, 2e-3), (0.04, 7e-3), (0.15, 0.06), (0.02, 0.93)),
    "surname": ((0.80, 2e-3), (0.12, 1e-3), (0.04, 5e-3), (0.02, 0.06), (0.02, 0.93)),
    # exact, day and month swapped, one digit off, anything else
    "dob": ((0.88, 5e-5), (0.04, 2e-5), (0.06, 1.5e-3), (0.02, 0.998)),
    # exact, one character off, same outward code, anything else
    "postcode": ((0.75, 5e-4), (0.04, 1e-3), (0.06, 0.02), (0.15, 0.98)),
}


def fixed_model(records: int) -> dict[str, Any]:
    """The documented fixed parameters; the prior assumes one matching pair per two records."""
    model: dict[str, Any] = identity_settings().create_settings_dict("duckdb")
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        for level, (m, u) in zip(
            levels, FIXED_PARAMETERS[comparison["output_column_name"]], strict=True
        ):
            level["m_probability"], level["u_probability"] = m, u
    pairs = max(records, 2) * (max(records, 2) - 1) / 2
    model["probability_two_random_records_match"] = min(0.5, max(records, 1) / 2 / pairs)
    return model


def model_problem(model: dict[str, Any]) -> str | None:
    """Why an estimated model cannot be used (None when it can)."""
    prior = model.get("probability_two_random_records_match")
    if not isinstance(prior, (int, float)) or not 0.0 < prior < 1.0:
        return "no record pairs sure enough to estimate how many match"
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            for key in ("m_probability", "u_probability"):
                value = level.get(key)
                if value is not None and not (math.isfinite(value) and 0.0 <= value <= 1.0):
                    return f"{comparison.get('output_column_name')}: {key} out of range"
    return None


def fill_unestimated(model: dict[str, Any]) -> dict[str, Any]:
    """A level that training never saw (m or u missing) takes its fixed value."""
    for comparison in model.get("comparisons", []):
        fixed = FIXED_PARAMETERS.get(comparison.get("output_column_name", ""))
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        if fixed is None or len(fixed) != len(levels):
            continue
        for level, (m, u) in zip(levels, fixed, strict=True):
            if level.get("m_probability") is None:
                level["m_probability"] = m
            if level.get("u_probability") is None:
                level["u_probability"] = u
    return model


def floor_probabilities(model: dict[str, Any]) -> dict[str, Any]:
    """Clamp m and u so that no comparison level is an absolute veto."""
    for comparison in model.get("comparisons", []):
        for level in comparison.get("comparison_levels", []):
            for key in ("m_probability", "u_probability"):
                if level.get(key) is not None:
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
