"""A return as the files commissioners receive: JSON, CSV (and XLSX, PDF)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from haven.reporting.serialise import return_rows

FORMATS = {
    "json": ("application/json", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


def render(data: dict[str, Any], fmt: str) -> bytes:
    """The return (as `serialise.return_json` gives it) in one of FORMATS."""
    if fmt == "json":
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
    if fmt == "csv":
        return return_csv(data)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def return_csv(data: dict[str, Any]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in return_rows(data):
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return buffer.getvalue().encode("utf-8-sig")


def _safe(value: Any) -> Any:
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value
