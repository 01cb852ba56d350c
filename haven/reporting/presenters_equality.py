"""The equality analysis' headline for the return page: per protected characteristic, how many
referrals have the answer recorded, and each group's share of referrals against its share of the
population where a baseline exists (issue 10 s4: "shown on the returns page"). Pure."""

from __future__ import annotations

from dataclasses import dataclass

from haven.reporting.equality import EqualityAnalysis, GroupRow


@dataclass(frozen=True)
class Comparison:
    group: str
    area: str  # the area, or "all areas" for a population-weighted baseline
    referral_share: float | None  # None: no referral has the answer recorded
    population_share: float

    @property
    def gap(self) -> float | None:
        if self.referral_share is None:
            return None
        return self.referral_share - self.population_share


@dataclass(frozen=True)
class HeadlineRow:
    key: str
    label: str
    referrals: int
    recorded: int
    comparisons: tuple[Comparison, ...]  # empty: no baseline for any group


def _comparisons(row: GroupRow, several_areas: bool) -> list[Comparison]:
    if row.is_not_known:
        return []
    if several_areas and row.combined_baseline is not None:
        return [Comparison(row.label, "all areas", row.referral_share, row.combined_baseline)]
    return [
        Comparison(row.label, b.area, row.referral_share, b.share)
        for b in row.baselines
        if b.share is not None
    ]


def equality_headline(analysis: EqualityAnalysis) -> list[HeadlineRow]:
    several = len(analysis.areas) > 1
    return [
        HeadlineRow(
            table.key,
            table.label,
            table.referrals,
            table.recorded,
            tuple(c for row in table.rows for c in _comparisons(row, several)),
        )
        for table in analysis.tables
    ]
