"""The return page's equality headline (pure): per characteristic, answers recorded, and each
known group against the population where a baseline exists; several areas compare with the
combined share when it can be worked out, else with each area's."""

from __future__ import annotations

from haven.reporting.equality import (
    AreaBaseline,
    BaselineFigure,
    CharacteristicTable,
    EqualityAnalysis,
    GroupRow,
)
from haven.reporting.periods import parse_period
from haven.reporting.presenters_equality import equality_headline


def _figure(area: str, share: float) -> BaselineFigure:
    return BaselineFigure(area, "religion_belief", "christian", share, None, "Census", "", 2021)


def _row(key: str, label: str, referrals: int, share: float | None, baselines, combined=None):
    return GroupRow(key, label, referrals, share, 0, 0, 0, 0, tuple(baselines), combined)


def _analysis(areas, rows) -> EqualityAnalysis:
    table = CharacteristicTable("religion_belief", "Religion or belief", tuple(rows))
    period = parse_period("2026-Q1", "04-01")
    return EqualityAnalysis("c", "C", period, tuple(areas), False, (table,))


def test_one_area_compares_each_known_group_with_its_baseline():
    rows = [
        _row("christian", "Christian", 2, 2 / 3, [AreaBaseline("A", _figure("A", 0.45))]),
        _row("muslim", "Muslim", 1, 1 / 3, [AreaBaseline("A", None)]),  # no baseline
        _row("not_known", "Not known", 4, None, [AreaBaseline("A", None)]),
    ]
    (headline,) = equality_headline(_analysis(["A"], rows))
    assert (headline.referrals, headline.recorded) == (7, 3)
    (christian,) = headline.comparisons
    assert (christian.group, christian.area, christian.population_share) == ("Christian", "A", 0.45)
    assert round(christian.gap or 0, 4) == round(2 / 3 - 0.45, 4)


def test_several_areas_use_the_combined_share_else_each_area():
    both = [AreaBaseline("A", _figure("A", 0.4)), AreaBaseline("B", _figure("B", 0.6))]
    combined = _row("christian", "Christian", 1, 1.0, both, combined=0.5)
    (headline,) = equality_headline(_analysis(["A", "B"], [combined]))
    assert [(c.area, c.population_share) for c in headline.comparisons] == [("all areas", 0.5)]
    separate = _row("christian", "Christian", 0, None, both)
    (headline,) = equality_headline(_analysis(["A", "B"], [separate]))
    assert [(c.area, c.gap) for c in headline.comparisons] == [("A", None), ("B", None)]
