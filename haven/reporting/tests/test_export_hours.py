"""A total of hours (a `count` measure whose value is a float, measures/sessions.py) keeps its
decimals in the XLSX export."""

from openpyxl import Workbook

from haven.reporting.exports import _measure_rows


def test_a_total_of_hours_keeps_its_decimals_in_the_spreadsheet():
    sheet = Workbook().active
    measure = {
        "id": "telephone_support_hours",
        "label": "Number of telephone support hours delivered",
        "unit": "count",
        "value": 1.25,
        "numerator": None,
        "denominator": None,
        "target": None,
        "met": None,
        "status": "computed",
        "missing": None,
        "citation": "seed 001 Lot 3 s8",
        "breakdowns": {},
    }
    _measure_rows(sheet, measure)
    assert sheet.cell(sheet.max_row, 5).number_format == "#,##0.00"
