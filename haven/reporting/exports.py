"""A return as the files commissioners receive: JSON, CSV, XLSX and PDF.

Every renderer takes the `serialise.return_json` output, so the four files say the same thing;
with its "equality" key (the provider's downloads) the XLSX has an "Equality" sheet and the PDF
an equality section; a commissioner's suppressed copy (`suppression.py`) has "<5" and "[c]"
strings where numbers were, written as text.
Spreadsheets are formula-free: a text cell starting like a formula is written as text
(`core.spreadsheet_cells.neutralise`, OWASP CSV injection).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from typing import Any

from django.template.loader import render_to_string
from markupsafe import Markup

from haven.core.spreadsheet_cells import neutralise
from haven.reporting.exports_equality import area_columns, equality_sheet
from haven.reporting.presenters import format_value
from haven.reporting.serialise import return_rows

FORMATS = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pdf": ("application/pdf", "pdf"),
}


def render(data: dict[str, Any], fmt: str, charts: Mapping[str, Markup] | None = None) -> bytes:
    """The return (as `serialise.return_json` gives it) in one of FORMATS; `charts` (measure id:
    SVG) go into the PDF."""
    if fmt == "json":
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    if fmt == "csv":
        return return_csv(data)
    if fmt == "xlsx":
        return return_xlsx(data)
    if fmt == "pdf":
        return return_pdf(data, charts or {})
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def return_csv(data: dict[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in return_rows(data):
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    return neutralise(value) if isinstance(value, str) else value


# --- XLSX ------------------------------------------------------------------------------------

NUMBER_FORMATS = {
    "percentage": "0.0%",
    "duration": '0.0" days"',
    "money": "£#,##0.00",
    "rate": "0.00",
    "count": "#,##0",
}
SECTION_HEADER = [
    "ID",
    "Measure",
    "Breakdown",
    "Cell",
    "Value",
    "Numerator",
    "Denominator",
    "Target",
    "Met",
    "Status",
    "Not recorded because",
    "Citation",
]
WIDTHS = [14, 60, 24, 30, 14, 12, 13, 12, 10, 14, 40, 50]
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def return_xlsx(data: dict[str, Any]) -> bytes:
    """A cover sheet, then one sheet per section of the return in the seed's order: each measure,
    and its breakdown cells beneath it."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Cover"
    period = data["period"]
    for row in [
        ("Contract", data.get("contract_name") or data["contract"]),
        ("Contract reference", data["contract"]),
        ("Document", data.get("document", "")),
        ("Period", period["label"]),
        ("First day", period["start"]),
        ("Last day", period["end"]),
        ("Generated", data["generated_at"]),
        ("Format version", data.get("format_version", "")),
        *([("Suppression", data["suppression"])] if data.get("suppressed") else []),
    ]:
        cover.append([_text(row[0]), _text(row[1])])
    for cell in cover["A"]:
        cell.font = Font(bold=True)
    cover.column_dimensions["A"].width = 22
    cover.column_dimensions["B"].width = 70

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1D70B8")
    names: set[str] = {"Cover"}
    for section, measures in _sections(data["measures"]):
        sheet = book.create_sheet(_sheet_name(section, names))
        sheet.append([_text(section)])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(SECTION_HEADER)
        for cell in sheet[2]:
            cell.font, cell.fill = header_font, header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for measure in measures:
            _measure_rows(sheet, measure)
        for index, width in enumerate(WIDTHS):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        sheet.freeze_panes = "C3"
    if data.get("equality"):
        equality_sheet(book, data["equality"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _measure_rows(sheet: Any, measure: dict[str, Any]) -> None:
    from openpyxl.styles import Font

    number_format = NUMBER_FORMATS.get(measure["unit"], "General")
    if measure["unit"] == "count" and isinstance(measure["value"], float):
        number_format = "#,##0.00"  # a total of hours (measures/sessions.py), not a whole number
    met = {True: "Met", False: "Not met"}.get(measure["met"], "")
    sheet.append(
        [
            _text(measure["id"]),
            _text(measure["label"]),
            "",
            "",
            measure["value"],
            measure["numerator"],
            measure["denominator"],
            measure["target"],
            met,
            "Computed" if measure["status"] == "computed" else "Not recorded yet",
            _text(measure["missing"] or ""),
            _text(measure["citation"]),
        ]
    )
    row = sheet.max_row
    sheet.cell(row, 1).font = Font(bold=True)
    sheet.cell(row, 2).font = Font(bold=True)
    sheet.cell(row, 5).number_format = number_format
    sheet.cell(row, 8).number_format = number_format
    for key, cells in measure["breakdowns"].items():
        for cell in cells:
            sheet.append(
                [
                    _text(measure["id"]),
                    "",
                    _text(key.replace("_", " ").capitalize()),
                    _text(cell["label"]),
                    cell["value"],
                    cell["numerator"],
                    cell["denominator"],
                ]
            )
            sheet.cell(sheet.max_row, 5).number_format = number_format


def _sections(measures: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for measure in measures:
        groups.setdefault(measure["section"], []).append(measure)
    return list(groups.items())


def _sheet_name(section: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet's name; names are unique."""
    base = " ".join(section.translate(SHEET_NAME_FORBIDDEN).split())[:31].strip("'") or "Section"
    name, number = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({number})"
        name, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(name)
    return name


def _text(value: Any) -> Any:
    return neutralise(value) if isinstance(value, str) else value


# --- PDF -------------------------------------------------------------------------------------


def return_pdf(data: dict[str, Any], charts: Mapping[str, Markup]) -> bytes:
    """The return as an A4 landscape PDF: the tables of each section, and each measure's trend
    chart where given. WeasyPrint fetches nothing from outside."""
    from weasyprint import HTML

    return bytes(HTML(string=return_pdf_html(data, charts), url_fetcher=_no_fetch).write_pdf())


def return_pdf_html(data: dict[str, Any], charts: Mapping[str, Markup]) -> str:
    """The HTML WeasyPrint lays out as the PDF (tests read the PDF's words here)."""
    return render_to_string(
        "reporting/return_pdf.html",
        {
            "data": data,
            "sections": _sections(data["measures"]),
            "charts": charts,
            "format_value": format_value,
            "equality": data.get("equality"),
            "equality_areas": area_columns(data["equality"]) if data.get("equality") else [],
        },
    )


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError(f"the returns PDF loads nothing from outside ({url[:40]})")
