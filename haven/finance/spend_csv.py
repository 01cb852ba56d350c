"""Reading a CSV of spend from the finance system: one row per transaction, checked whole
before anything is saved (each bad row named with its field and the reason), no Django.

Columns (headings in row 1, any order, case-insensitive): transaction_ref, date (2026-04-30 or
30/04/2026), amount (pounds, e.g. 1250.00 or £1,250.00; a refund or credit note as -12.50,
-£12.50, £-12.50, (12.50) or 12.50 CR: the spellings of finance/amounts.py), category (a
category's name or key), description, and optionally supplier. Rows are numbered as a spreadsheet shows them (the
headings are row 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

from haven.finance.amounts import EXAMPLES, parse_ledger_pounds
from haven.hardship.money import pence_of

REQUIRED = ("transaction_ref", "date", "amount", "category", "description")
OPTIONAL = ("supplier",)
MAX_ROWS = 10_000
MAX_PENCE = 1_000_000_000  # £10 million in one transaction is a typing slip
TEXT_LIMITS = {"transaction_ref": 64, "description": 200, "supplier": 200}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass(frozen=True)
class SpendLine:
    row: int
    transaction_ref: str
    spent_on: date
    amount_pence: int
    category: str
    description: str
    supplier: str


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1: the headings (a missing column)
    field: str
    reason: str


@dataclass(frozen=True)
class ReadResult:
    lines: tuple[SpendLine, ...]
    problems: tuple[RowProblem, ...]


def _decode(content: bytes) -> str | None:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a day, no time
        except ValueError:
            continue
    return None


def read_spend_csv(content: bytes, *, categories: dict[str, str], today: date) -> ReadResult:
    """Every row of the file as a SpendLine, or the problems found (row, field, reason).
    `categories` maps each category key to its label; either is accepted."""
    text = _decode(content)
    if text is None or "\x00" in text:
        return ReadResult((), (RowProblem(1, "file", "The file is not a UTF-8 CSV file"),))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        return ReadResult((), (RowProblem(1, "file", "The file has no column headings"),))
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return ReadResult(
            (), tuple(RowProblem(1, name, f"The column {name} is missing") for name in missing)
        )
    position = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
    by_name = {label.lower(): key for key, label in categories.items()} | {
        key: key for key in categories
    }
    lines: list[SpendLine] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    try:
        for row_number, raw in enumerate(reader, start=2):
            if row_number - 1 > MAX_ROWS:
                problems.append(
                    RowProblem(row_number, "file", f"The file has more than {MAX_ROWS} rows")
                )
                break
            if not any(cell.strip() for cell in raw):
                continue
            values = {
                name: (raw[i].strip() if i < len(raw) else "") for name, i in position.items()
            }
            line, found = _row(row_number, values, by_name, today, seen)
            problems += found
            if line is not None:
                lines.append(line)
    except csv.Error as broken:
        problems.append(RowProblem(reader.line_num, "file", f"The CSV cannot be read: {broken}"))
    if not lines and not problems:
        problems.append(RowProblem(2, "file", "The file has no rows of spend"))
    return ReadResult(tuple(lines), tuple(problems))


def _row(
    row: int,
    values: dict[str, str],
    categories: dict[str, str],
    today: date,
    seen: dict[str, int],
) -> tuple[SpendLine | None, list[RowProblem]]:
    problems = []
    for name in REQUIRED:
        if not values.get(name):
            problems.append(RowProblem(row, name, f"Enter the {name.replace('_', ' ')}"))
    for name, limit in TEXT_LIMITS.items():
        if len(values.get(name, "")) > limit:
            problems.append(
                RowProblem(row, name, f"The {name} must be {limit} characters or fewer")
            )
    ref = values.get("transaction_ref", "")
    if ref and ref in seen:
        problems.append(
            RowProblem(row, "transaction_ref", f"The reference {ref} is also on row {seen[ref]}")
        )
    elif ref:
        seen[ref] = row
    spent_on = _date(values["date"]) if values.get("date") else None
    if values.get("date") and spent_on is None:
        problems.append(RowProblem(row, "date", "Enter the date as 2026-04-30 or 30/04/2026"))
    elif spent_on is not None and spent_on > today:
        problems.append(RowProblem(row, "date", "The date must be today or in the past"))
    amount = parse_ledger_pounds(values["amount"]) if values.get("amount") else None
    if values.get("amount") and amount is None:
        problems.append(
            RowProblem(
                row,
                "amount",
                f"{values['amount'][:20]!r} is not an amount in pounds: write it as {EXAMPLES}",
            )
        )
    elif amount is not None and amount == 0:
        problems.append(RowProblem(row, "amount", "The amount cannot be £0"))
    elif amount is not None and abs(pence_of(amount)) > MAX_PENCE:
        problems.append(
            RowProblem(row, "amount", "The amount must be between -£10,000,000 and £10,000,000")
        )
    category = categories.get(values.get("category", "").lower())
    if values.get("category") and category is None:
        problems.append(
            RowProblem(row, "category", f"{values['category']!r} is not a budget category")
        )
    if problems or spent_on is None or amount is None or category is None:
        return None, problems
    return (
        SpendLine(
            row=row,
            transaction_ref=ref,
            spent_on=spent_on,
            amount_pence=pence_of(amount),
            category=category,
            description=values["description"],
            supplier=values.get("supplier", ""),
        ),
        [],
    )
