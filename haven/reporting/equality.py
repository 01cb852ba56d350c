"""Equality analysis of a contract's period: access and outcomes by each protected
characteristic, against the population served (seed 004 s11.1 "analysis of inequality of access
and outcomes across protected characteristics"; seed 001 s14; issue 10 s4).

- Access: referrals received in the period (`received_at`), and cases opened in the period that
  engaged (a first contact recorded, as `referrals_engaged` counts them).
- Outcomes: planned exits among the cases closed in the period (as `planned_exits`).
- Each group's share of referrals is of the referrals whose answer is recorded ("Not known" is
  shown with its count, never in a share), compared with the group's share of each area's
  population (`EqualityBaseline`). Areas are combined by population weights only when every
  area of the contract has the category with a population from the same source; otherwise each
  area is shown on its own. A category without a baseline says "No baseline".

`analyse` is plain Python over the loaded facts; `equality_analysis(contract, period)` loads
them; `equality_json` gives the analysis for the return's exports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from haven.contracts.profiles.measures import PROTECTED_CHARACTERISTICS
from haven.contracts.profiles.schema import Profile
from haven.reporting.dimensions import DIMENSIONS, NOT_KNOWN, Cell
from haven.reporting.engine import context_for
from haven.reporting.facts import Facts
from haven.reporting.measures.base import MeasureContext
from haven.reporting.periods import Period


@dataclass(frozen=True)
class BaselineFigure:
    area: str
    characteristic: str
    category: str
    share: float
    population: int | None
    source: str
    source_url: str
    as_of_year: int


@dataclass(frozen=True)
class AreaBaseline:
    area: str
    figure: BaselineFigure | None  # None: no baseline for this category in this area

    @property
    def share(self) -> float | None:
        return self.figure.share if self.figure is not None else None


@dataclass(frozen=True)
class GroupRow:
    key: str
    label: str
    referrals: int
    referral_share: float | None  # of the referrals whose answer is recorded; None: not known
    opened: int
    engaged: int
    closures: int
    planned_exits: int
    baselines: tuple[AreaBaseline, ...]
    combined_baseline: float | None  # population-weighted over every area, when possible

    @property
    def is_not_known(self) -> bool:
        return self.key == NOT_KNOWN[0]

    @property
    def engaged_rate(self) -> float | None:
        return self.engaged / self.opened if self.opened else None

    @property
    def planned_rate(self) -> float | None:
        return self.planned_exits / self.closures if self.closures else None

    def gap(self, baseline: float | None) -> float | None:
        """Share of referrals minus share of the population, in fraction points."""
        if baseline is None or self.referral_share is None:
            return None
        return self.referral_share - baseline


@dataclass(frozen=True)
class CharacteristicTable:
    key: str
    label: str
    rows: tuple[GroupRow, ...]

    @property
    def referrals(self) -> int:
        return sum(r.referrals for r in self.rows)

    @property
    def recorded(self) -> int:
        return sum(r.referrals for r in self.rows if not r.is_not_known)

    @property
    def opened(self) -> int:
        return sum(r.opened for r in self.rows)

    @property
    def engaged(self) -> int:
        return sum(r.engaged for r in self.rows)

    @property
    def closures(self) -> int:
        return sum(r.closures for r in self.rows)

    @property
    def planned_exits(self) -> int:
        return sum(r.planned_exits for r in self.rows)

    @property
    def has_baseline(self) -> bool:
        return any(b.figure is not None for r in self.rows for b in r.baselines)


@dataclass(frozen=True)
class EqualityAnalysis:
    contract_slug: str
    contract_name: str
    period: Period
    areas: tuple[str, ...]
    combinable: bool  # every area's populations come with the baselines (some may combine)
    tables: tuple[CharacteristicTable, ...]

    def table(self, key: str) -> CharacteristicTable | None:
        return next((t for t in self.tables if t.key == key), None)


def _cells(ctx: MeasureContext, key: str, found: dict[str, str]) -> list[Cell]:
    dimension = DIMENSIONS[key]
    order = list(dimension.cells(ctx)) if dimension.cells is not None else []
    known = dict(order)
    extra = [(k, label) for k, label in found.items() if k not in known]
    if order and order[-1] == NOT_KNOWN:
        return order[:-1] + extra + [NOT_KNOWN]
    return order + extra + ([NOT_KNOWN] if NOT_KNOWN[0] not in known else [])


def combined_share(figures: list[BaselineFigure | None]) -> float | None:
    """The population-weighted share over areas: only when every area has the category with the
    population its share is of (from the same source), otherwise None."""
    present = [f for f in figures if f is not None and f.population]
    if len(present) < 2 or len(present) != len(figures):
        return None
    total = sum(f.population or 0 for f in present)
    return sum(f.share * (f.population or 0) for f in present) / total


def _counted(
    ctx: MeasureContext, key: str, referrals: list[Any], opened: list[Any], closed: list[Any]
) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """Each group's label, and its referrals, cases opened and engaged, closures and planned
    exits."""
    cell = DIMENSIONS[key].cell
    labels: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def count(measure: str, kind: str, record: Any) -> None:
        cell_key, cell_label = cell(ctx, kind, record)
        labels[cell_key] = cell_label
        counts[cell_key][measure] += 1

    for r in referrals:
        count("referrals", "referral", r)
    for c in opened:
        count("opened", "case", c)
        if c.first_contact_at is not None:
            count("engaged", "case", c)
    for c in closed:
        count("closures", "case", c)
        if c.exit_type == "planned":
            count("planned", "case", c)
    return labels, counts


def analyse(
    ctx: MeasureContext, areas: Iterable[str], baselines: Iterable[BaselineFigure]
) -> tuple[CharacteristicTable, ...]:
    facts, period = ctx.facts, ctx.period
    area_list = list(areas)
    index: dict[tuple[str, str, str], BaselineFigure] = {}
    for figure in baselines:  # the latest year of each area, characteristic and category
        slot = (figure.area, figure.characteristic, figure.category)
        if slot not in index or index[slot].as_of_year < figure.as_of_year:
            index[slot] = figure
    referrals = [r for r in facts.referrals if period.contains(r.received_at)]
    opened = [c for c in facts.cases if period.contains(c.opened_at)]
    closed = [c for c in facts.cases if period.contains(c.closed_at)]
    tables = []
    for key in PROTECTED_CHARACTERISTICS:
        labels, counts = _counted(ctx, key, referrals, opened, closed)
        recorded = sum(v["referrals"] for k, v in counts.items() if k != NOT_KNOWN[0])
        rows = []
        for cell_key, cell_label in _cells(ctx, key, labels):
            n = counts.get(cell_key, {})
            figures = [index.get((area, key, cell_key)) for area in area_list]
            is_known = cell_key != NOT_KNOWN[0]
            rows.append(
                GroupRow(
                    cell_key,
                    cell_label,
                    n.get("referrals", 0),
                    n.get("referrals", 0) / recorded if recorded and is_known else None,
                    n.get("opened", 0),
                    n.get("engaged", 0),
                    n.get("closures", 0),
                    n.get("planned", 0),
                    tuple(AreaBaseline(a, f) for a, f in zip(area_list, figures, strict=True)),
                    combined_share(figures) if is_known and len(area_list) > 1 else None,
                )
            )
        tables.append(CharacteristicTable(key, DIMENSIONS[key].label, tuple(rows)))
    return tuple(tables)


def analysis_for(
    profile: Profile,
    facts: Facts,
    period: Period,
    now: datetime,
    baselines: Iterable[BaselineFigure],
    *,
    name: str = "",
) -> EqualityAnalysis:
    ctx = context_for(profile, facts, period, now)
    figures = list(baselines)
    areas = tuple(profile.area)
    return EqualityAnalysis(
        contract_slug=profile.slug,
        contract_name=name or profile.name,
        period=period,
        areas=areas,
        combinable=len(areas) > 1 and all(f.population is not None for f in figures),
        tables=analyse(ctx, areas, figures),
    )


def equality_analysis(contract: Any, period: Period) -> EqualityAnalysis:
    """The contract's equality analysis for the period, from the records now."""
    from haven.reporting.selectors_equality import contract_equality

    return contract_equality(contract, period)


def _share(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def equality_json(analysis: EqualityAnalysis) -> dict[str, Any]:
    """The analysis as plain JSON values, for the return's exports (shares are fractions)."""
    return {
        "contract": analysis.contract_slug,
        "period": {
            "label": analysis.period.label,
            "start": analysis.period.first.isoformat(),
            "end": analysis.period.last.isoformat(),
        },
        "areas": list(analysis.areas),
        "characteristics": [
            {
                "id": table.key,
                "label": table.label,
                "referrals": table.referrals,
                "referrals_recorded": table.recorded,
                "groups": [
                    {
                        "id": row.key,
                        "label": row.label,
                        "referrals": row.referrals,
                        "referral_share": _share(row.referral_share),
                        "cases_opened": row.opened,
                        "cases_engaged": row.engaged,
                        "engaged_rate": _share(row.engaged_rate),
                        "closures": row.closures,
                        "planned_exits": row.planned_exits,
                        "planned_rate": _share(row.planned_rate),
                        "baselines": [
                            {
                                "area": b.area,
                                "share": _share(b.share),
                                "source": b.figure.source if b.figure else None,
                                "source_url": b.figure.source_url if b.figure else None,
                                "as_of_year": b.figure.as_of_year if b.figure else None,
                            }
                            for b in row.baselines
                        ],
                        "combined_baseline": _share(row.combined_baseline),
                    }
                    for row in table.rows
                ],
            }
            for table in analysis.tables
        ],
    }
