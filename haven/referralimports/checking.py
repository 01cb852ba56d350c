"""Check every row of a referral file against its mapping before anything is saved.

File problems (a required column missing, two columns for one field) refuse the whole file.
Row problems name the row (row 1 is the header), the column as headed in the file, and why; a
cell's value is quoted only for choice columns (contact method, risk, consent), never a name,
date of birth or address. Pure: no Django; `now` and the time zone are given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from haven.referralimports.mappings import (
    CHOICES,
    FIELD_KINDS,
    Column,
    SourceMapping,
    header_key,
    value_key,
)
from haven.referralimports.reading import Table

EXCEL_EPOCH = dt.datetime(1899, 12, 30)  # noqa: DTZ001 - wall clock; serial 1 is 1900-01-01 (Excel's leap-year bug kept)
FUTURE_SKEW = dt.timedelta(minutes=5)
EARLIEST = dt.date(1900, 1, 1)
# Column sizes of the fields (people.Person and referrals.Referral; tests/test_mappings.py
# checks them against the models).
MAX_LENGTHS = {
    "given_name": 100,
    "family_name": 100,
    "phone": 30,
    "email": 254,
    "address_line_1": 200,
    "address_line_2": 200,
    "town": 100,
    "postcode": 10,
    "local_authority": 100,
    "external_id": 100,
    "referrer_name": 200,
    "risk_indicators": 10_000,
    "presenting_need": 10_000,
}


@dataclass(frozen=True)
class Problem:
    column: str
    reason: str


@dataclass
class CheckedRow:
    row: int
    source_id: str
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class CheckedFile:
    problems: list[Problem] = field(default_factory=list)  # the file's own: nothing imports
    rows: list[CheckedRow] = field(default_factory=list)


class FileRefusedError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.column}: {p.reason}" for p in problems))


def locate_columns(
    mapping: SourceMapping, headers: list[str]
) -> tuple[dict[str, int], list[Problem]]:
    """Each mapped field's position in the file (headers matched ignoring case and spacing);
    extra columns are ignored. A missing required column is named as the mapping heads it."""
    positions: dict[str, list[int]] = {}
    keys = [header_key(h) for h in headers]
    found: dict[str, int] = {}
    problems = []
    for column in mapping.columns:
        wanted = {header_key(h) for h in column.headers()}
        positions[column.field] = [i for i, key in enumerate(keys) if key and key in wanted]
        if len(positions[column.field]) > 1:
            named = ", ".join(repr(headers[i]) for i in positions[column.field])
            problems.append(
                Problem(column.header, f"the file has more than one such column ({named})")
            )
        elif positions[column.field]:
            found[column.field] = positions[column.field][0]
        elif column.required:
            also = f" (or {', '.join(repr(a) for a in column.also)})" if column.also else ""
            problems.append(
                Problem(
                    column.header, f"the file has no {column.header!r} column{also}; it is required"
                )
            )
    return found, problems


def check_file(
    mapping: SourceMapping, table: Table, *, now: dt.datetime, zone: ZoneInfo
) -> CheckedFile:
    found, problems = locate_columns(mapping, table.headers)
    if problems:
        raise FileRefusedError(problems)
    checked = CheckedFile()
    columns: dict[str, Column] = {column.field: column for column in mapping.columns}
    first_of: dict[str, CheckedRow] = {}
    for number, cells in table.rows:
        row = _check_row(number, cells, columns, found, mapping, now, zone)
        _check_repeat(row, first_of, columns["external_id"])
        checked.rows.append(row)
    return checked


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number or id stored as a number in Excel
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return " ".join(str(value).replace("\ufeff", "").split())


def _check_row(
    number: int,
    cells: list[Any],
    columns: dict[str, Column],
    found: dict[str, int],
    mapping: SourceMapping,
    now: dt.datetime,
    zone: ZoneInfo,
) -> CheckedRow:
    row = CheckedRow(row=number, source_id="")
    for name, column in columns.items():
        position = found.get(name)
        raw = cells[position] if position is not None and position < len(cells) else None
        blank = raw is None or (isinstance(raw, str) and not raw.strip())
        if blank:
            if column.required:
                row.problems.append(Problem(column.header, "is blank; it is required"))
            continue
        try:
            row.values[name] = _value(name, column, raw, now, zone)
        except ValueError as error:
            row.problems.append(Problem(column.header, str(error)))
    for name, value in mapping.defaults.items():
        row.values.setdefault(name, value == "yes" if name == "consent_to_contact" else value)
    row.source_id = str(row.values.get("external_id", ""))
    received, born = row.values.get("received_at"), row.values.get("date_of_birth")
    if received and born and received.date() < born:
        row.problems.append(Problem(columns["received_at"].header, "is before the date of birth"))
    incident = row.values.get("incident_at")
    if received and incident and incident > received:
        row.problems.append(
            Problem(columns["incident_at"].header, "is after the referral was received")
        )
    return row


def _value(name: str, column: Column, raw: Any, now: dt.datetime, zone: ZoneInfo) -> Any:
    kind = FIELD_KINDS[name]
    if kind == "choice":
        word = _cell_text(raw)
        value = column.lookup().get(value_key(word))
        if value is None:
            allowed = "; ".join(column.values)
            raise ValueError(f"{word[:40]!r} is not one of: {allowed}")
        return value == "yes" if name == "consent_to_contact" else value
    if kind in ("date", "datetime"):
        moment = _moment(raw, column.formats)
        if kind == "date":
            day = moment.date()
            if day > now.astimezone(zone).date():
                raise ValueError("is in the future")
            if day < EARLIEST:
                raise ValueError("is before 1900")
            return day
        aware = moment.replace(tzinfo=zone) if moment.tzinfo is None else moment
        if aware > now + FUTURE_SKEW:
            raise ValueError("is in the future")
        if aware.date() < EARLIEST:
            raise ValueError("is before 1900")
        return aware
    text = _cell_text(raw)
    limit = MAX_LENGTHS[name]
    if len(text) > limit:
        raise ValueError(f"is longer than {limit} characters")
    if name == "email" and "@" not in text:
        raise ValueError("is not an email address")
    return text


def _moment(raw: Any, formats: list[str]) -> dt.datetime:
    """A date cell, an Excel serial number, or text in one of the mapping's formats."""
    if isinstance(raw, dt.datetime):
        return raw
    if isinstance(raw, dt.date):
        return dt.datetime.combine(raw, dt.time())
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if not 1 <= raw < 2958466:  # 9999-12-31
            raise ValueError("is not a date")
        return EXCEL_EPOCH + dt.timedelta(days=float(raw))
    text = _cell_text(raw)
    if re.fullmatch(r"\d{1,6}(\.\d+)?", text) and 1 <= float(text) < 2958466:
        # a serial number that arrived as text (a CSV saved from a column without a format)
        return EXCEL_EPOCH + dt.timedelta(days=float(text))
    for pattern in formats:
        try:
            return dt.datetime.strptime(text, pattern)  # noqa: DTZ007 - zone added by caller
        except ValueError:
            continue
    shown = " or ".join(_readable(p) for p in formats[:3])
    raise ValueError(f"is not a date in the form {shown}")


def _readable(pattern: str) -> str:
    for code, words in (
        ("%d", "dd"),
        ("%m", "mm"),
        ("%Y", "yyyy"),
        ("%H", "hh"),
        ("%M", "mm"),
        ("%S", "ss"),
    ):
        pattern = pattern.replace(code, words)
    return pattern


def _check_repeat(row: CheckedRow, first_of: dict[str, CheckedRow], id_column: Column) -> None:
    """A source id twice in one file: the same row again counts once; different rows under one
    id cannot both be right, so the later ones are refused naming the first."""
    if not row.source_id:
        return
    key = row.source_id.casefold()
    first = first_of.get(key)
    if first is None:
        first_of[key] = row
        return
    if first.values == row.values:
        row.problems.append(
            Problem(id_column.header, f"repeats row {first.row} exactly (counted once)")
        )
        return
    row.problems.append(
        Problem(
            id_column.header,
            f"{row.source_id[:40]!r} is also on row {first.row} with different details",
        )
    )


def is_repeat_only(row: CheckedRow) -> bool:
    return len(row.problems) == 1 and row.problems[0].reason.endswith("(counted once)")


__all__ = [
    "CHOICES",
    "CheckedFile",
    "CheckedRow",
    "FileRefusedError",
    "Problem",
    "check_file",
    "is_repeat_only",
]
