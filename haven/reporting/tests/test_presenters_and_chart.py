"""Figures formatted by unit, targets, and the trend chart (pure)."""

from __future__ import annotations

import pytest

from haven.reporting.chart import TrendPoint, trend_svg
from haven.reporting.presenters import format_value, met_tag


@pytest.mark.parametrize(
    ("unit", "value", "text"),
    [
        ("count", 1234, "1,234"),
        ("percentage", 0.9531, "95.3%"),
        ("percentage", None, "No figure"),
        ("duration", 12.46, "12.5 days"),
        ("money", 1250, "£1,250.00"),
    ],
)
def test_values_are_formatted_by_unit(unit, value, text):
    assert format_value(unit, value) == text


def test_met_and_not_met_are_tags():
    assert met_tag(True) == ("Met", "govuk-tag--green")
    assert met_tag(False) == ("Not met", "govuk-tag--red")
    assert met_tag(None) == ("", "")


def test_the_chart_describes_every_period_and_the_target_in_text():
    points = [TrendPoint("2026-Q1", 0.5, "50.0%"), TrendPoint("2026-Q2", None, "No figure")]
    svg = str(trend_svg(points, title="P1 <&>", unit="percentage", target=0.95))
    assert "<title" in svg
    assert "P1 &lt;&amp;&gt;" in svg
    assert "2026-Q1: 50.0%; 2026-Q2: No figure. The dashed line is the target, 95%" in svg
    assert "style" not in svg
    assert "script" not in svg


def test_no_chart_without_a_figure():
    assert (
        trend_svg([TrendPoint("2026-Q1", None, "No figure")], title="x", unit="count", target=None)
        == ""
    )
