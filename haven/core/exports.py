"""Lists downloaded as CSV or XLSX (worklists, caseloads, referral lists): formula-free.

Every cell is written as text through `spreadsheet_cells.neutralise`, so a value a spreadsheet
would run as a formula (OWASP CSV injection: = + - @ and tab/CR first) starts with an
apostrophe; in XLSX a plain string starting with "=" would otherwise be stored as a formula.
The caller decides the columns (no more than its page shows) and audits the export.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import Http404, HttpResponse
from django.utils import timezone

from haven.core.spreadsheet_cells import neutralise

EXPORT_FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_format(value: str | None) -> str:
    """The requested format ("csv" when none is asked for); 404 for one Haven does not write."""
    chosen = value or "csv"
    if chosen not in EXPORT_FORMATS:
        raise Http404("No such export format")
    return chosen


def _csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(column) for column in columns])
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    # with a byte-order mark, so Excel reads the file as UTF-8
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_bytes(title: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])  # Excel's limit on a sheet name
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=neutralise(column))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([neutralise(cell) for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_response(
    *, name: str, fmt: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> HttpResponse:
    """The rows as a download named `name`-YYYY-MM-DD-HHMM.`fmt` (UK time)."""
    content = _xlsx_bytes(name, columns, rows) if fmt == "xlsx" else _csv_bytes(columns, rows)
    response = HttpResponse(content, content_type=EXPORT_FORMATS[fmt])
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return response
