"""Distance travelled as a small bar chart: per domain, the first and the latest average score
drawn on the scale's length. Geometry only; the template draws the SVG, and the page always shows
the same figures in a table beside it (the chart's text alternative). No JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from haven.outcomes.selectors import DomainTravel

BAR_WIDTH = 360  # the scale's full length, in SVG units
LABEL_X = BAR_WIDTH + 8
ROW_HEIGHT = 62
BAR_HEIGHT = 14


@dataclass(frozen=True)
class ChartBar:
    y: int
    width: int
    text: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    label_y: int
    first: ChartBar
    latest: ChartBar


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    height: int
    width: int = BAR_WIDTH + 130
    label_x: int = LABEL_X


def _length(value: float, low: int, high: int) -> int:
    span = high - low or 1
    return max(2, round((value - low) / span * BAR_WIDTH))


def travel_chart(domains: list[DomainTravel]) -> Chart | None:
    """The chart of the domains scored at two assessments; None when there is none yet."""
    rows = []
    for index, domain in enumerate(d for d in domains if d.change is not None):
        top = index * ROW_HEIGHT
        assert domain.first is not None
        assert domain.latest is not None
        rows.append(
            ChartRow(
                label=domain.label,
                label_y=top + 14,
                first=ChartBar(
                    top + 20,
                    _length(domain.first, domain.low, domain.high),
                    f"{domain.first_stage} {domain.first:g}",
                ),
                latest=ChartBar(
                    top + 20 + BAR_HEIGHT + 4,
                    _length(domain.latest, domain.low, domain.high),
                    f"{domain.latest_stage} {domain.latest:g}",
                ),
            )
        )
    if not rows:
        return None
    return Chart(rows=rows, height=len(rows) * ROW_HEIGHT)
