"""Read a referral file (CSV or XLSX) into its header and rows, as they are in the file.

CSV text is UTF-8 (with or without a byte order mark) or Windows-1252, the two encodings
spreadsheets save in; the mapping may name one. XLSX is read with openpyxl (first sheet unless
the mapping names one), cells as their values: a date cell is a datetime, an unformatted date a
serial number (the row checks turn both into dates). Row 1 is the header; blank rows are skipped
and rows keep their numbers in the file. Pure: no Django.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_ROWS = 20_000


class FileUnreadableError(Exception):
    """The file as a whole cannot be read: nothing is imported."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells)
    encoding: str = ""
    blank_rows: int = 0


def read_table(
    path: Path, *, encoding: str = "auto", delimiter: str = ",", sheet: str = ""
) -> Table:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path, sheet)
    if suffix == ".csv":
        return _read_csv(path.read_bytes(), encoding, delimiter)
    raise FileUnreadableError("The file must be a CSV or XLSX file")


def decode(data: bytes, encoding: str) -> tuple[str, str]:
    """The text and the encoding it was read in. `auto`: UTF-8 (a BOM dropped) when it is
    valid UTF-8, else Windows-1252 (what Excel saves as "CSV" on a UK Windows machine)."""
    if b"\x00" in data:
        raise FileUnreadableError("The file contains NUL bytes: it is not a text CSV file")
    if encoding in ("auto", "utf-8", "utf-8-sig"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            if encoding != "auto":
                raise FileUnreadableError(
                    f"The file is not {encoding} text (byte {error.start + 1})"
                ) from None
        else:
            return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        raise FileUnreadableError(
            f"The file is neither UTF-8 nor Windows-1252 text (byte {error.start + 1})"
        ) from None


def _read_csv(data: bytes, encoding: str, delimiter: str) -> Table:
    text, used = decode(data, encoding)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = list(reader)
    except csv.Error as error:
        raise FileUnreadableError(f"The CSV file cannot be read: {error}") from None
    table = _table(enumerate(lines, start=1))
    table.encoding = used
    return table


def _read_xlsx(path: Path, sheet: str) -> Table:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise FileUnreadableError(
            f"The Excel file cannot be read ({type(error).__name__})"
        ) from None
    try:
        if sheet:
            if sheet not in book.sheetnames:
                raise FileUnreadableError(f"The Excel file has no sheet called {sheet!r}")
            worksheet = book[sheet]
        else:
            worksheet = book.worksheets[0]
        rows = enumerate((list(row) for row in worksheet.iter_rows(values_only=True)), start=1)
        table = _table(rows)
    finally:
        book.close()
    table.encoding = "xlsx"
    return table


def _blank(cells: list[Any]) -> bool:
    return all(cell is None or (isinstance(cell, str) and not cell.strip()) for cell in cells)


def _table(lines: Any) -> Table:
    header: list[str] | None = None
    table = Table(headers=[])
    for number, cells in lines:
        if header is None:
            if _blank(cells):
                raise FileUnreadableError("Row 1, the header, is blank: the file has no columns")
            header = ["" if cell is None else str(cell).strip() for cell in cells]
            table.headers = header
            continue
        if _blank(cells):
            table.blank_rows += 1
            continue
        table.rows.append((number, cells))
        if len(table.rows) > MAX_ROWS:
            raise FileUnreadableError(f"The file has more than {MAX_ROWS:,} rows; split it")
    if header is None:
        raise FileUnreadableError("The file is empty")
    return table
