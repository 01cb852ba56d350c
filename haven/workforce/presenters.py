"""The bi-annual workforce figures (seed 004 s10) as rows for the page and its CSV, counted by
`figures.py` exactly as the return's measures count them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from haven.workforce import figures
from haven.workforce.selectors import WorkforceRows

HALF = re.compile(r"^(\d{4})-H([12])$")
# seed 004 s10 thresholds the commissioner acts on (shown beside the figure)
NOTES = {
    "sickness_month": "Over 4.5%: hot-spot analysis and action plan",
    "stress": "Over 30%: dialogue with the provider",
    "days_per_fte": "Over 10 days: hot-spot analysis and action plan",
    "plan_vs_actual": "A variance over 5% needs an explanation",
}


@dataclass(frozen=True)
class HalfYear:
    """A half of the financial year (1 April): H1 April-September, H2 October-March."""

    year: int
    half: int

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def first(self) -> date:
        return date(self.year, 4, 1) if self.half == 1 else date(self.year, 10, 1)

    @property
    def last(self) -> date:
        return date(self.year, 9, 30) if self.half == 1 else date(self.year + 1, 3, 31)

    @property
    def year_first(self) -> date:
        return date(self.year, 4, 1)

    @property
    def label(self) -> str:
        return f"{self.first:%-d %B %Y} to {self.last:%-d %B %Y}"

    def previous(self) -> HalfYear:
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)


def half_year_of(day: date) -> HalfYear:
    if day.month >= 10:
        return HalfYear(day.year, 2)
    if day.month >= 4:
        return HalfYear(day.year, 1)
    return HalfYear(day.year - 1, 2)


def parse_half_year(code: str | None, today: date) -> HalfYear | None:
    """The half-year named by `code` (2026-H1), today's when blank, None when unreadable."""
    if not code:
        return half_year_of(today)
    match = HALF.match(code)
    if match is None:
        return None
    return HalfYear(int(match.group(1)), int(match.group(2)))


@dataclass(frozen=True)
class FigureRow:
    key: str
    label: str
    value: float | None
    unit: str  # percentage | rate | count
    note: str = ""

    @property
    def shown(self) -> str:
        if self.value is None:
            return "No figure"
        if self.unit == "percentage":
            return f"{self.value * 100:.1f}%"
        if self.unit == "rate":
            return f"{self.value:.2f}"
        return f"{int(self.value)}"


def month_first(day: date) -> date:
    return day.replace(day=1)


def workforce_figures(rows: WorkforceRows, period: HalfYear, today: date) -> list[FigureRow]:
    """The figures of seed 004 s10's workforce table for the half-year (as at its last day, or
    today while it runs, where a figure is a position)."""
    last = min(period.last, today)
    staff, posts, absences = rows.staff, rows.posts, rows.absences
    month = month_first(last)

    def share(key: str, label: str, pair: tuple[figures.Weights, figures.Weights]) -> FigureRow:
        return FigureRow(key, label, figures.ratio(*pair), "percentage", NOTES.get(key, ""))

    compliant, present = figures.training_compliance(staff, rows.completions, rows.courses, last)
    volunteers = [s for s in staff if s.kind == "volunteer"]
    return [
        share("vacancy", "Vacancy rate (vacant FTE / substantive FTE in post)",
              figures.vacancy(posts, staff, last)),
        share("temporary", "Temporary staffing (bank, agency, locum FTE / substantive FTE)",
              figures.temporary_staffing(staff, last)),
        share("turnover", "Labour turnover (leavers in 12 months / average heads in post)",
              figures.turnover(staff, last)),
        share("sickness_month", f"Sickness absence, {month:%B %Y} (FTE days lost / available)",
              figures.sickness(staff, absences, month, last)),
        share("sickness_ytd", "Sickness absence, year to date",
              figures.sickness(staff, absences, period.year_first, last)),
        share("long_term", "Long-term sickness (4 weeks or more) as % of days lost",
              figures.absence_split(staff, absences, period.first, last, which="long_term")),
        share("stress", "Stress-related sickness as % of days lost",
              figures.absence_split(staff, absences, period.first, last, which="stress")),
        FigureRow("days_per_fte", "Sickness days lost per FTE (last 12 months)",
                  figures.ratio(*figures.days_per_fte(staff, absences, last)), "rate",
                  NOTES["days_per_fte"]),
        share("plan_vs_actual", "Plan vs actual (FTE in post / planned FTE)",
              figures.plan_vs_actual(posts, staff, last)),
        FigureRow("training", "Mandatory training compliance (staff and volunteers)",
                  len(compliant) / len(present) if present else None, "percentage"),
        FigureRow("volunteers_recruited", "Volunteers recruited in the half-year",
                  sum(period.first <= v.started_on <= last for v in volunteers), "count"),
        FigureRow("volunteers_in_post", "Volunteers at the end of the half-year",
                  sum(figures.in_post(v, last) for v in volunteers), "count"),
    ]  # fmt: skip


def previous_periods(period: HalfYear, count: int = 4) -> list[HalfYear]:
    found = [period]
    while len(found) < count:
        found.append(found[-1].previous())
    return found
