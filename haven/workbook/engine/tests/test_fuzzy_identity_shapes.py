"""Fuzzy identity on the shapes of real exports: no nominal ids, most victims once, repeat victims
with small typos. It never crashes, and falls back to fixed parameters when it cannot train."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.workbook.engine import WorkbookResult, fuzzy_identity

from .exports import Row, RunWorkbook, incident
from .typo_exports import (
    REAL_TYPOS,
    TYPOS,
    moved_house,
    movers,
    people,
    precision_recall,
    typo_export,
    with_true_ids,
)


@dataclass(frozen=True)
class Quality:
    """The eligible flag under fuzzy identity against the true ids, on one export."""

    precision: float
    recall: float
    eligible: int
    parameters: str


@pytest.fixture
def flag_quality(workbook_result: Callable[..., WorkbookResult], workbook: RunWorkbook):
    def measure(rows: list[Row], truth: dict[str, str], shape: str) -> Quality:
        result = workbook_result(rows, identity="fuzzy")
        assert result.table is not None
        fuzzy = {r["incident_id"]: r for r in result.table.to_pylist()}
        expected = workbook(with_true_ids(rows, truth), identity="exact")
        precision, recall = precision_recall(fuzzy, expected)
        eligible = sum(r["eligible"] == "true" for r in expected.values())
        print(  # the figures for the report (pytest -s)
            f"{shape}: {len(rows)} rows, {eligible} eligible, "
            f"precision {precision:.4f}, recall {recall:.4f}"
        )
        return Quality(precision, recall, eligible, result.summary.identity_parameters)

    return measure


@pytest.mark.parametrize(
    ("shape", "options"),
    [
        ("typos", {}),
        ("only typos, every record differs", {"every_row_differs": True, "typos": REAL_TYPOS}),
    ],
)
def test_typod_repeat_victims_are_flagged_with_the_shipped_model(
    flag_quality, shape: str, options: dict
) -> None:
    rows, truth = typo_export(victims=400, seed=11, **options)
    quality = flag_quality(rows, truth, f"shipped model, {shape}")
    assert quality.parameters == "the shipped model"
    assert quality.eligible > 50
    assert quality.precision >= 0.98
    assert quality.recall >= 0.98


def test_an_export_no_model_can_be_trained_on_uses_the_fixed_parameters_and_says_so(
    flag_quality, workbook_result
) -> None:
    # 2,000+ distinct records (so Splink would train) where no two share name and birth date:
    # training found no sure pairs and failed with `math domain error` before the fallback
    rows, truth = typo_export(victims=1400, seed=3, every_row_differs=True, typos=REAL_TYPOS)
    assert len(rows) > fuzzy_identity.MIN_RECORDS_TO_TRAIN
    quality = flag_quality(rows, truth, "fixed parameters (no sure pairs), 2,000+ records")
    assert quality.parameters == (
        "fixed parameters (could not estimate them: "
        "no two records share forename, surname and date of birth)"
    )
    assert quality.precision >= 0.98
    assert quality.recall >= 0.98
    lines = workbook_result(rows[:50], identity="fuzzy").summary.lines()
    assert lines[-1].startswith("identity matching parameters: ")


@pytest.mark.slow
def test_a_model_trained_on_a_typod_export_flags_repeat_victims(flag_quality) -> None:
    # the same export with a few victims seen again after moving house: training is sure of
    # those pairs only, and still estimates a model that finds the typo'd repeat victims
    rows, truth = typo_export(victims=1400, seed=3, every_row_differs=True, typos=REAL_TYPOS)
    moved, moved_truth = movers(5, seed=3)
    quality = flag_quality([*rows, *moved], truth | moved_truth, "trained, 2,000+ records")
    assert quality.parameters == "estimated from this file"
    assert quality.precision >= 0.98
    assert quality.recall >= 0.98


def test_the_fixed_parameters_flag_typod_repeat_victims(
    flag_quality, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)  # small file, no sure pairs
    rows, truth = typo_export(victims=500, seed=21, every_row_differs=True, typos=TYPOS)
    quality = flag_quality(rows, truth, "fixed parameters, all five typos")
    assert quality.parameters.startswith("fixed parameters")
    assert quality.eligible > 50
    assert quality.precision >= 0.98
    assert quality.recall >= 0.98


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
