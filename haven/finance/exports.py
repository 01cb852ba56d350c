"""The finance report as files (CSV and XLSX), the way the returns' exports write them
(reporting/exports.py): money in pounds (number format £#,##0.00 in the workbook), formula-free
cells (core.spreadsheet_cells.neutralise)."""

from __future__ import annotations

import csv
import io
from typing import Any

from haven.core.spreadsheet_cells import neutralise
from haven.finance.ledger import FinanceReport
from haven.finance.presenters import (
    CATEGORY_LABELS,
    INCOME_LABELS,
    LINE_HEADINGS,
    SOURCE_LABELS,
    UnitCosts,
)
from haven.finance.selectors import YearData

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MONEY = "£#,##0.00"


def _pounds(pence: int | None) -> float | None:
    return None if pence is None else pence / 100


def sheets(
    title: str, report: FinanceReport, costs: UnitCosts, data: YearData
) -> list[tuple[str, list[list[Any]]]]:
    """(sheet name, rows) with money in pounds as numbers; the CSV writes them one after
    another."""
    lines = [
        [
            CATEGORY_LABELS.get(line.category, line.category),
            *(
                _pounds(p)
                for p in (
                    line.budget_pence,
                    line.profile_to_date_pence,
                    line.actual_to_date_pence,
                    line.variance_pence,
                    line.forecast_outturn_pence,
                    line.outturn_variance_pence,
                )
            ),
        ]
        for line in (*report.lines, report.total)
    ]
    quarters = [
        [
            f"Q{q.number} ({q.first.isoformat()} to {q.last.isoformat()})",
            _pounds(q.profile_pence),
            _pounds(q.actual_pence),
            _pounds(q.variance_pence),
        ]
        for q in report.quarters
    ]
    money: list[list[Any]] = [
        *[[INCOME_LABELS.get(k, k), _pounds(p)] for k, p in sorted(report.income_by_kind.items())],
        ["Income to date", _pounds(report.income_pence)],
        ["Expenditure to date", _pounds(report.expenditure_pence)],
        ["Income less expenditure", _pounds(report.surplus_pence)],
        ["Cases supported", costs.cases],
        ["Cost per case supported", _pounds(costs.per_case_pence)],
    ]
    if costs.properties:
        money += [
            ["Properties fitted", costs.properties],
            ["Cost per property", _pounds(costs.per_property_pence)],
        ]
    transactions = [
        [
            row.spent_on.isoformat(),
            CATEGORY_LABELS.get(row.category, row.category),
            SOURCE_LABELS.get(row.source, row.source),
            _pounds(row.amount_pence),
        ]
        for row in sorted(data.spend, key=lambda r: (r.spent_on, r.category))
        if row.spent_on <= report.as_at
    ]
    details = {s.pk: s for s in data.spend_records}
    for cells, row in zip(
        transactions,
        sorted(
            (r for r in data.spend if r.spent_on <= report.as_at),
            key=lambda r: (r.spent_on, r.category),
        ),
        strict=True,
    ):
        record = details.get(row.id)
        cells += (
            [record.transaction_ref, record.description, record.supplier]
            if record
            else ["", "", ""]
        )
    return [
        (
            "Budget",
            [
                [title],
                [f"As at {report.as_at.isoformat()}"],
                LINE_HEADINGS,
                *lines,
            ],
        ),
        ("Quarters", [["Quarter", "Profile", "Actual", "Variance"], *quarters]),
        ("Income and expenditure", [["Figure", "Value"], *money]),
        (
            "Transactions",
            [
                [
                    "Date",
                    "Budget line",
                    "Source",
                    "Amount",
                    "Transaction reference",
                    "Description",
                    "Supplier",
                ],
                *transactions,
            ],
        ),
    ]


def _safe(value: Any) -> Any:
    return neutralise(value) if isinstance(value, str) else value


def as_csv(book: list[tuple[str, list[list[Any]]]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for name, rows in book:
        writer.writerow([name])
        for row in rows:
            writer.writerow(["" if v is None else _safe(v) for v in row])
        writer.writerow([])
    return buffer.getvalue().encode("utf-8-sig")


def as_xlsx(book: list[tuple[str, list[list[Any]]]]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, rows in book:
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = MONEY
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
