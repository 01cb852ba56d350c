"""The finance report as rows for the page and the exports (no HTML): money formatted in
pounds with the project's helper (hardship/money.py), labels from the categories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from haven.finance.ledger import FinanceReport, LineFigures, per_unit
from haven.finance.models import Category, IncomeKind
from haven.hardship.money import pounds

CATEGORY_LABELS = {**dict(Category.choices), "total": "Total"}
INCOME_LABELS = dict(IncomeKind.choices)
SOURCE_LABELS = {
    "recorded": "Recorded by hand",
    "imported": "Finance system",
    "hardship": "Hardship grants paid",
    "target_hardening": "Target hardening items fitted",
}


@dataclass(frozen=True)
class UnitCosts:
    """Cost per case supported (spend to date over the cases open at any time in the year to
    date) and, with target hardening, cost per property fitted."""

    cases: int
    per_case_pence: int | None
    properties: int
    per_property_pence: int | None


def line_cells(line: LineFigures) -> list[str]:
    return [
        CATEGORY_LABELS.get(line.category, line.category),
        pounds(line.budget_pence),
        pounds(line.profile_to_date_pence),
        pounds(line.actual_to_date_pence),
        pounds(line.variance_pence),
        pounds(line.forecast_outturn_pence),
        pounds(line.outturn_variance_pence),
    ]


LINE_HEADINGS = [
    "Budget line",
    "Budget",
    "Profile to date",
    "Actual to date",
    "Variance",
    "Forecast outturn",
    "Forecast against budget",
]


def unit_costs(
    report: FinanceReport, cases: int, properties: int, mean_property_pence: int | None
) -> UnitCosts:
    return UnitCosts(
        cases=cases,
        per_case_pence=per_unit(report.expenditure_pence, cases),
        properties=properties,
        per_property_pence=mean_property_pence,
    )


def year_label(first: date, last: date) -> str:
    return f"{first:%-d %B %Y} to {last:%-d %B %Y}"
