"""Fuzzy identity on the shapes of real exports: no nominal ids, most victims once, repeat victims
with small typos. It never crashes, and falls back to fixed parameters when it cannot train."""

from __future__ import annotations

from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.workbook.engine import fuzzy_identity

from .exports import Row, RunWorkbook, incident
from .typo_exports import (
    REAL_TYPOS,
    TYPOS,
    moved_house,
    people,
    precision_recall,
    typo_export,
    with_true_ids,
)

FIGURES: dict[str, tuple[float, float, int]] = {}  # shape: precision, recall, eligible (-s)


def _flag_quality(workbook: RunWorkbook, rows: list[Row], truth: dict[str, str], shape: str):
    fuzzy = workbook(rows, identity="fuzzy")
    expected = workbook(with_true_ids(rows, truth), identity="exact")
    precision, recall = precision_recall(fuzzy, expected)
    eligible = sum(r["eligible"] == "true" for r in expected.values())
    print(
        f"{shape}: {len(rows)} rows, {eligible} eligible, precision {precision:.4f}, recall {recall:.4f}"
    )
    return precision, recall, eligible


@pytest.mark.parametrize(
    ("shape", "options"),
    [
        ("typos", {}),
        ("only typos, every record differs", {"every_row_differs": True, "typos": REAL_TYPOS}),
    ],
)
def test_typod_repeat_victims_are_flagged_with_the_shipped_model(
    workbook: RunWorkbook, shape: str, options: dict
) -> None:
    rows, truth = typo_export(victims=400, seed=11, **options)
    precision, recall, eligible = _flag_quality(workbook, rows, truth, shape)
    assert eligible > 50
    assert precision >= 0.98
    assert recall >= 0.98


def test_an_export_no_model_can_be_trained_on_uses_the_fixed_parameters_and_says_so(
    workbook_result, workbook: RunWorkbook
) -> None:
    # 2,000+ distinct records (so Splink would train) where no two share name and birth date:
    # training found no sure pairs and failed with `math domain error` before the fallback
    rows, truth = typo_export(victims=1400, seed=3, every_row_differs=True, typos=REAL_TYPOS)
    assert len(rows) > fuzzy_identity.MIN_RECORDS_TO_TRAIN
    result = workbook_result(rows, identity="fuzzy")
    assert "fixed parameters" in result.summary.identity_parameters
    assert any("fixed parameters" in line for line in result.summary.lines())
    precision, recall, _ = _flag_quality(workbook, rows, truth, "fixed parameters, 2,000+ records")
    assert precision >= 0.98
    assert recall >= 0.98


def test_the_fixed_parameters_flag_typod_repeat_victims(
    workbook: RunWorkbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)  # small file, no sure pairs
    rows, truth = typo_export(victims=500, seed=21, every_row_differs=True, typos=TYPOS)
    precision, recall, eligible = _flag_quality(workbook, rows, truth, "fixed parameters, typos")
    assert eligible > 50
    assert precision >= 0.98
    assert recall >= 0.98


def test_a_training_failure_falls_back_to_the_fixed_parameters(
    workbook_result, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: object) -> None:
        raise ValueError("math domain error")

    monkeypatch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)
    monkeypatch.setattr(fuzzy_identity, "_sure_pairs", lambda con: True)
    monkeypatch.setattr(fuzzy_identity, "train", fails)
    rows, _ = typo_export(victims=30, seed=2)
    result = workbook_result(rows, identity="fuzzy")
    assert result.summary.identity_parameters == (
        "fixed parameters (could not estimate them: training failed (ValueError))"
    )
    assert result.summary.incidents == len(rows)


def _shape(name: str) -> list[Row]:
    person = people(1, seed=8)[0]
    match name:
        case "one row":
            return [incident("A", "2026-01-01 10:00", victim="", **person)]
        case "two rows":
            return [
                incident("A", "2026-01-01 10:00", victim="", **person),
                incident("B", "2026-01-02 10:00", victim="", **person),
            ]
        case "one victim":
            return [
                incident(f"A{n}", f"2026-01-{n + 1:02d} 10:00", victim="", **person)
                for n in range(8)
            ]
        case "moved house":  # two records that share name and birth date: Splink trains
            return [
                incident(f"A{n}", f"2026-01-{n + 1:02d} 10:00", victim="", **moved)
                for n, moved in enumerate([person, moved_house(person, Random(1)), person])
            ]
        case "all identities distinct":
            return typo_export(victims=60, repeat_share=0.0, seed=4)[0]
        case "no exact repeats after normalisation":
            return typo_export(victims=40, repeat_share=0.5, every_row_differs=True, seed=5)[0]
        case "only typos":
            return typo_export(victims=10, repeat_share=1.0, typo_share=1.0, seed=6)[0]
    raise AssertionError(name)


SHAPES = (
    "one row",
    "two rows",
    "one victim",
    "moved house",
    "all identities distinct",
    "no exact repeats after normalisation",
    "only typos",
)


@pytest.mark.parametrize("training", [False, True], ids=["small file", "would train"])
@pytest.mark.parametrize("shape", SHAPES)
def test_fuzzy_identity_never_crashes_on_any_shape(
    workbook: RunWorkbook, monkeypatch: pytest.MonkeyPatch, shape: str, training: bool
) -> None:
    if training:  # the same shapes through the training path (which needs 2,000+ records)
        monkeypatch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)
    rows = _shape(shape)
    out = workbook(rows, identity="fuzzy")
    assert len(out) == len(rows)
    assert all(r["victim_key"] for r in out.values())
    if shape in {"one victim", "moved house"}:
        assert len({r["victim_key"] for r in out.values()}) == 1
        eligible = {r["prior_incidents_365d"] for r in out.values() if r["eligible"] == "true"}
        assert eligible == set(range(2, min(len(rows), 7)))  # seed 000 s5: 2 to 6 prior
    if shape == "all identities distinct":
        assert not any(r["eligible"] == "true" for r in out.values())


_names = st.sampled_from(["Ann", "ANN", "A", "Bo", "Zoë", "O'Neil", "Mary-Jane", " "])
_dobs = st.sampled_from(["1980-01-02", "1980-02-01", "1980-01-03", "2001-12-12", ""])
_postcodes = st.sampled_from(["LE1 6AB", "le16ab", "LE1 6AA", "NG7", "", "ZZ99 9ZZ"])
_rows = st.lists(
    st.tuples(_names, _names, _dobs, _postcodes, st.sampled_from(["", "N1"])),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=_rows, training=st.booleans(), mode=st.sampled_from(["fuzzy", "auto"]))
def test_fuzzy_identity_never_crashes_on_small_random_exports(
    workbook: RunWorkbook, rows: list[tuple[str, str, str, str, str]], training: bool, mode: str
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        if training:
            patch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)
        export = [
            incident(
                f"R{n}",
                f"2026-01-{n + 1:02d} 10:00",
                victim=nominal,
                victim_forename=forename,
                victim_surname=surname,
                victim_dob=dob,
                victim_postcode=postcode,
            )
            for n, (forename, surname, dob, postcode, nominal) in enumerate(rows)
        ]
        out = workbook(export, identity=mode)
    assert len(out) == len(export)
    for row in out.values():
        assert row["victim_key"] or row["reason"].startswith("invalid:")
