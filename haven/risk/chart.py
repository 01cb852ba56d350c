"""A small step chart of risk scores as inline SVG, always shown beside a table of the same
figures. Presentation attributes only (no style attributes or scripts, because of the CSP)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 100, 16, 44
BLUE, BLACK, RED, GREY = "#1d70b8", "#0b0c0c", "#d4351c", "#505a5f"


@dataclass(frozen=True)
class ChartPoint:
    day: date
    score: int
    level: str  # standard | medium | high


def _scale(points: Sequence[ChartPoint], high: int) -> tuple[float, int]:
    top = max([high + 2, 24, *(p.score for p in points)])
    step = (WIDTH - LEFT - RIGHT) / max(len(points) - 1, 1)
    return step, top


def _xy(index: int, value: int, step: float, top: int) -> tuple[float, float]:
    plot_height = HEIGHT - TOP - BOTTOM
    return round(LEFT + index * step, 1), round(TOP + plot_height * (1 - value / top), 1)


def _threshold(label: str, value: int, colour: str, step: float, top: int) -> str:
    _, y = _xy(0, value, step, top)
    end = WIDTH - RIGHT
    return (
        f'<line x1="{LEFT}" y1="{y}" x2="{end}" y2="{y}" stroke="{colour}" '
        f'stroke-dasharray="6 4" stroke-width="2"/>'
        f'<text x="{end + 6}" y="{y + 4}" fill="{colour}" font-size="14">'
        f"{escape(label)} ({value})</text>"
    )


def _axes(points: Sequence[ChartPoint], step: float, top: int) -> str:
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="{BLACK}"/>',
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{BLACK}"/>',
    ]
    for tick in range(0, top + 1, 5):
        _, y = _xy(0, tick, step, top)
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end" font-size="14">{tick}</text>'
        )
    for index, point in enumerate(points):
        x, _ = _xy(index, 0, step, top)
        label = escape(f"{point.day:%d %b %y}")
        parts.append(
            f'<text x="{x}" y="{bottom + 20}" text-anchor="middle" font-size="13">{label}</text>'
        )
    return "".join(parts)


def _series(points: Sequence[ChartPoint], step: float, top: int) -> str:
    coords = [_xy(i, p.score, step, top) for i, p in enumerate(points)]
    path = f"M{coords[0][0]} {coords[0][1]}"
    for x, y in coords[1:]:
        path += f" H{x} V{y}"  # a step: the score holds until the next assessment
    parts = [f'<path d="{path}" fill="none" stroke="{BLUE}" stroke-width="3"/>']
    for (x, y), point in zip(coords, points, strict=True):
        if point.level == "high":  # high: a red square, so colour is not the only cue
            parts.append(
                f'<rect x="{x - 6}" y="{y - 6}" width="12" height="12" fill="{RED}" '
                f'stroke="{BLACK}"/>'
            )
        else:
            parts.append(f'<circle cx="{x}" cy="{y}" r="5" fill="{BLUE}" stroke="{BLACK}"/>')
    return "".join(parts)


def risk_history_svg(
    points: Sequence[ChartPoint], *, high: int, medium: int | None, title_id: str = "risk-chart"
) -> Markup:
    """The chart, or an empty string when there is nothing to draw."""
    if not points:
        return Markup("")
    step, top = _scale(points, high)
    summary = "; ".join(f"{p.day:%d %B %Y}: {p.score} ({p.level})" for p in points)
    body = [
        f'<svg class="haven-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{title_id}-title {title_id}-desc" font-family="Arial, sans-serif" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{title_id}-title">Risk checklist score at each assessment</title>',
        f'<desc id="{title_id}-desc">{escape(summary)}. Red squares are high risk.</desc>',
        _axes(points, step, top),
        _threshold("High", high, RED, step, top),
    ]
    if medium is not None:
        body.append(_threshold("Medium", medium, GREY, step, top))
    body += [_series(points, step, top), "</svg>"]
    return Markup("".join(body))  # noqa: S704 - every interpolated text is escaped above
