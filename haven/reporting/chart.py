"""A measure's trend over the last periods as a small bar chart in inline SVG, always shown beside a
table of the same figures. Presentation attributes only (no style attributes or scripts, because
of the CSP); the title and description give the figures as text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 64, 90, 16, 48
BLUE, BLACK, RED, GREY = "#1d70b8", "#0b0c0c", "#d4351c", "#505a5f"


@dataclass(frozen=True)
class TrendPoint:
    label: str  # the period's code, e.g. 2026-Q1
    value: float | int | None  # None: no figure for the period
    text: str  # the value as the page shows it, e.g. "95.3%"


def _top(points: Sequence[TrendPoint], unit: str, target: float | None) -> float:
    if unit == "percentage":
        return 1.0
    highest = max([0.0, *(float(p.value) for p in points if p.value is not None)])
    if target is not None:
        highest = max(highest, float(target))
    if highest <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(highest))) - 1)
    return float(((int(highest) // magnitude) + 1) * magnitude)


def _y(value: float, top: float) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top), 1)


def _tick(value: float, unit: str) -> str:
    if unit == "percentage":
        return f"{value * 100:.0f}%"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def _axes(points: Sequence[TrendPoint], unit: str, top: float, slot: float) -> list[str]:
    bottom = HEIGHT - BOTTOM
    parts = [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="{BLACK}"/>',
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - RIGHT}" y2="{bottom}" stroke="{BLACK}"/>',
    ]
    for step in range(5):
        value = top * step / 4
        y = _y(value, top)
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 4}" text-anchor="end" font-size="13">'
            f"{escape(_tick(value, unit))}</text>"
        )
    for index, point in enumerate(points):
        x = round(LEFT + slot * (index + 0.5), 1)
        parts.append(
            f'<text x="{x}" y="{bottom + 20}" text-anchor="middle" font-size="12">'
            f"{escape(point.label)}</text>"
        )
    return parts


def _bars(points: Sequence[TrendPoint], top: float, slot: float) -> list[str]:
    bottom = HEIGHT - BOTTOM
    width = round(slot * 0.6, 1)
    parts = []
    for index, point in enumerate(points):
        x = round(LEFT + slot * index + slot * 0.2, 1)
        centre = round(x + width / 2, 1)
        if point.value is None:  # no figure: a dash on the axis, so a gap is not read as zero
            parts.append(
                f'<text x="{centre}" y="{bottom - 6}" text-anchor="middle" font-size="13" '
                f'fill="{GREY}">n/a</text>'
            )
            continue
        y = _y(min(float(point.value), top), top)
        parts.append(
            f'<rect x="{x}" y="{y}" width="{width}" height="{round(bottom - y, 1)}" '
            f'fill="{BLUE}" stroke="{BLACK}"/>'
        )
    return parts


def _target(target: float, unit: str, top: float) -> str:
    y = _y(min(float(target), top), top)
    end = WIDTH - RIGHT
    return (
        f'<line x1="{LEFT}" y1="{y}" x2="{end}" y2="{y}" stroke="{RED}" '
        f'stroke-dasharray="6 4" stroke-width="2"/>'
        f'<text x="{end + 6}" y="{y + 4}" fill="{RED}" font-size="13">'
        f"Target {escape(_tick(float(target), unit))}</text>"
    )


def trend_svg(
    points: Sequence[TrendPoint],
    *,
    title: str,
    unit: str,
    target: float | None,
    chart_id: str = "trend",
) -> Markup:
    """The chart, or an empty string when no period has a figure."""
    if not any(p.value is not None for p in points):
        return Markup("")
    top = _top(points, unit, target)
    slot = (WIDTH - LEFT - RIGHT) / len(points)
    summary = "; ".join(f"{p.label}: {p.text}" for p in points)
    if target is not None:
        summary += f". The dashed line is the target, {_tick(float(target), unit)}"
    body = [
        f'<svg class="haven-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="Arial, sans-serif" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(summary)}.</desc>',
        *_axes(points, unit, top, slot),
        *_bars(points, top, slot),
    ]
    if target is not None:
        body.append(_target(target, unit, top))
    body.append("</svg>")
    return Markup("".join(body))  # noqa: S704 - every interpolated text is escaped above
