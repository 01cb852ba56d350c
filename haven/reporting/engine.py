"""Compute a contract's return for a period: every measure of its profile, computed or listed as
not recorded, with targets, met/not met and breakdowns. Pure over `Facts` (see `figures_for`);
`return_for` loads the facts first."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from haven.contracts.profiles.measures import MeasureSpec
from haven.contracts.profiles.schema import Profile
from haven.reporting.dimensions import DIMENSIONS, NOT_KNOWN
from haven.reporting.facts import Facts
from haven.reporting.measures import COMPUTATIONS
from haven.reporting.measures.base import Figure, MeasureContext, aggregate
from haven.reporting.periods import Period


@dataclass(frozen=True)
class BreakdownCell:
    key: str
    label: str
    value: float | int | None
    numerator: tuple[Any, ...]
    denominator: tuple[Any, ...] | None


@dataclass(frozen=True)
class Breakdown:
    key: str
    label: str
    cells: tuple[BreakdownCell, ...]


@dataclass(frozen=True)
class MeasureResult:
    spec: MeasureSpec
    figure: Figure | None  # None: not recorded
    breakdowns: tuple[Breakdown, ...] = ()

    @property
    def status(self) -> str:
        return "not_recorded" if self.figure is None else "computed"

    @property
    def value(self) -> float | int | None:
        return self.figure.value if self.figure is not None else None

    @property
    def met(self) -> bool | None:
        target, value = self.spec.target, self.value
        if target is None or value is None:
            return None
        return value >= target if self.spec.target_direction == "at_least" else value <= target


@dataclass(frozen=True)
class ReturnResult:
    contract_slug: str
    contract_name: str
    period: Period
    generated_at: datetime
    measures: tuple[MeasureResult, ...]
    document: str = ""
    sections: tuple[str, ...] = field(default=())

    def measure(self, measure_id: str) -> MeasureResult | None:
        return next((m for m in self.measures if m.spec.id == measure_id), None)

    def by_section(self) -> list[tuple[str, list[MeasureResult]]]:
        groups: dict[str, list[MeasureResult]] = defaultdict(list)
        for result in self.measures:
            groups[result.spec.section].append(result)
        return list(groups.items())


def context_for(profile: Profile, facts: Facts, period: Period, now: datetime) -> MeasureContext:
    return MeasureContext(
        facts=facts,
        period=period,
        now=now,
        route_labels={route.key: route.label for route in profile.referral_routes},
        rule_labels={
            **{rule.key: rule.label for rule in profile.deadlines},
            **{rule.key: rule.label for rule in profile.schedules},
        },
        area_domains={
            area.key: area.domain
            for area in (profile.needs_assessment.areas if profile.needs_assessment else [])
        },
    )


def measures_for_period(profile: Profile, period: Period) -> list[MeasureSpec]:
    """The profile's measures reported for this kind of period (a range shows them all)."""
    if period.kind == "range":
        return list(profile.measures)
    return [m for m in profile.measures if m.period == period.kind or _rolls_up(m, period)]


def _rolls_up(measure: MeasureSpec, period: Period) -> bool:
    """A monthly figure is shown in the quarter's return too (seed 004 s10: the SC table is laid
    out monthly inside the quarterly KPIs); a half-yearly or yearly figure only in its own."""
    return measure.period == "month" and period.kind in {"quarter", "half_year", "year"}


def compute_measure(spec: MeasureSpec, ctx: MeasureContext) -> MeasureResult:
    if spec.compute is None:
        return MeasureResult(spec, None)
    figure = COMPUTATIONS[spec.compute](ctx, **spec.params)
    keys = spec.breakdown_keys()
    members = _members(ctx, figure) if keys else []
    return MeasureResult(spec, figure, tuple(breakdown(ctx, figure, key, members) for key in keys))


Member = tuple[Any, Any, bool]  # record id, its row (None if not loaded), in the numerator


def _members(ctx: MeasureContext, figure: Figure) -> list[Member]:
    """Each record behind the figure with its row, looked up once for all its breakdowns."""
    ids = figure.denominator if figure.denominator is not None else figure.numerator
    inside = set(figure.numerator) if figure.denominator is not None else None
    return [
        (record_id, ctx.facts.record(figure.kind, record_id), inside is None or record_id in inside)
        for record_id in ids
    ]


def breakdown(
    ctx: MeasureContext, figure: Figure, key: str, members: list[Member] | None = None
) -> Breakdown:
    """The figure split by one dimension: each cell has its own numerator (and denominator)."""
    dimension = DIMENSIONS[key]
    labels: dict[str, str] = {}
    cells_num: dict[str, list[Any]] = defaultdict(list)
    cells_den: dict[str, list[Any]] = defaultdict(list)
    cell_of = dimension.cell
    for record_id, record, in_numerator in (
        members if members is not None else _members(ctx, figure)
    ):
        cell_key, cell_label = (
            cell_of(ctx, figure.kind, record) if record is not None else NOT_KNOWN
        )
        labels[cell_key] = cell_label
        cells_den[cell_key].append(record_id)
        if in_numerator:
            cells_num[cell_key].append(record_id)
    order = (
        dimension.cells(ctx)
        if dimension.cells is not None
        else sorted(labels.items(), key=lambda kv: kv[1])
    )
    for cell_key, cell_label in labels.items():  # values found that the fixed list lacks
        if cell_key not in dict(order):
            order.insert(
                len(order) - 1 if order and order[-1] == NOT_KNOWN else len(order),
                (cell_key, cell_label),
            )
    has_denominator = figure.denominator is not None
    cells = tuple(
        BreakdownCell(
            cell_key,
            cell_label,
            aggregate(
                figure.aggregate,
                cells_num.get(cell_key, ()),
                cells_den.get(cell_key, ()) if has_denominator else None,
                figure.amounts,
            ),
            tuple(cells_num.get(cell_key, ())),
            tuple(cells_den.get(cell_key, ())) if has_denominator else None,
        )
        for cell_key, cell_label in order
    )
    return Breakdown(key, dimension.label, cells)


def figures_for(
    profile: Profile, facts: Facts, period: Period, now: datetime, *, name: str = ""
) -> ReturnResult:
    ctx = context_for(profile, facts, period, now)
    results = tuple(compute_measure(spec, ctx) for spec in measures_for_period(profile, period))
    return ReturnResult(
        contract_slug=profile.slug,
        contract_name=name or profile.name,
        period=period,
        generated_at=now,
        measures=results,
        document=f"{profile.document.title} ({profile.document.year})",
        sections=tuple(dict.fromkeys(r.spec.section for r in results)),
    )
