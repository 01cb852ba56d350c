"""The equality analysis in a return's XLSX (an "Equality" sheet) and PDF (a section), from the
`equality.equality_json` output the return's JSON carries under "equality" (issue 10 s4).
The CSV stays one row per figure and has no equality rows (docs/returns.md)."""

from __future__ import annotations

from typing import Any

from haven.core.spreadsheet_cells import neutralise

SHEET = "Equality"
SHARE_FORMAT = "0.0%"
COLUMNS = [
    ("Characteristic", 26),
    ("Group", 34),
    ("Referrals", 11),
    ("Share of referrals", 13),
    ("Cases opened", 11),
    ("Engaged (first contact)", 13),
    ("Engaged rate", 11),
    ("Closures", 10),
    ("Planned exits", 11),
    ("Planned exit rate", 11),
]
SHARES = {"Share of referrals", "Engaged rate", "Planned exit rate"}


def _text(value: Any) -> Any:
    return neutralise(value) if isinstance(value, str) else value


def area_columns(equality: dict[str, Any]) -> list[str]:
    areas = list(equality.get("areas") or [])
    columns = [f"Population share, {area}" for area in areas]
    return [*columns, "Population share, all areas"] if len(areas) > 1 else columns


def group_cells(characteristic: dict[str, Any], group: dict[str, Any]) -> list[Any]:
    """One group's row: the counts and rates, then its population share in each area (and all
    areas combined where there are several); None where there is no baseline."""
    shares = [b["share"] for b in group["baselines"]]
    combined = [group["combined_baseline"]] if len(shares) > 1 else []
    return [
        characteristic["label"],
        group["label"],
        group["referrals"],
        group["referral_share"],
        group["cases_opened"],
        group["cases_engaged"],
        group["engaged_rate"],
        group["closures"],
        group["planned_exits"],
        group["planned_rate"],
        *shares,
        *combined,
    ]


def equality_sheet(book: Any, equality: dict[str, Any]) -> None:
    """Append the "Equality" sheet: a title, a header row, one row per group of each
    characteristic; shares formatted as percentages; no formulas."""
    from openpyxl.styles import Font, PatternFill

    sheet = book.create_sheet(SHEET)
    sheet.append(["Equality analysis: access and outcomes by protected characteristic"])
    sheet["A1"].font = Font(bold=True, size=14)
    header = [name for name, _ in COLUMNS] + area_columns(equality)
    sheet.append([_text(h) for h in header])
    for cell in sheet[2]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1D70B8")
    share_columns = {i + 1 for i, h in enumerate(header) if h in SHARES or h.startswith("Pop")}
    for characteristic in equality.get("characteristics", []):
        for group in characteristic["groups"]:
            sheet.append([_text(v) for v in group_cells(characteristic, group)])
            for column in share_columns:
                sheet.cell(sheet.max_row, column).number_format = SHARE_FORMAT
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "C3"
