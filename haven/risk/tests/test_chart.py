"""The inline SVG step chart: accessible, escaped, no styles or scripts."""

from datetime import date

from haven.risk.chart import ChartPoint, risk_history_svg

POINTS = [
    ChartPoint(date(2026, 1, 5), 15, "high"),
    ChartPoint(date(2026, 3, 2), 11, "medium"),
    ChartPoint(date(2026, 5, 4), 4, "high"),
]


def test_it_draws_one_marker_per_assessment_with_high_ones_as_squares():
    svg = str(risk_history_svg(POINTS, high=14, medium=10))
    assert svg.count("<rect") == 2
    assert svg.count("<circle") == 1


def test_it_names_itself_and_describes_every_figure():
    svg = str(risk_history_svg(POINTS, high=14, medium=10))
    assert 'role="img"' in svg
    assert "<title id=" in svg
    assert "05 January 2026: 15 (high)" in svg
    assert "High (14)" in svg
    assert "Medium (10)" in svg


def test_it_draws_steps_between_assessments():
    svg = str(risk_history_svg(POINTS, high=14, medium=None))
    assert svg.count(" H") == 2
    assert svg.count(" V") == 2
    assert "Medium" not in svg


def test_it_uses_no_style_attributes_or_scripts():
    svg = str(risk_history_svg(POINTS, high=14, medium=10))
    assert "style" not in svg
    assert "<script" not in svg


def test_no_assessments_draw_nothing():
    assert str(risk_history_svg([], high=14, medium=10)) == ""


def test_a_single_assessment_is_a_point_without_steps():
    svg = str(risk_history_svg(POINTS[:1], high=14, medium=10))
    assert " H" not in svg
