"""The quarterly MARAC figures, shaped like the SafeLives Marac data set (reference.md s2: cases
heard "including repeats", repeats as a share of them, referrals by referring agency) with the
equality breakdowns of the cases heard; seed 001 Lot 3 asks for the "Number of MARAC referrals
made" and to "Reduce repeat presentations at MARAC within 12 month period".

Pure: the quarters a user may choose and the cell each answer falls in. The counting itself is a
query in selectors.py (`marac_figures`); the returns count the same way in
haven/reporting/measures/marac.py (`marac_cases_heard`, `marac_repeat_share`, `marac_referrals`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from haven.people import choices
from haven.people.ages import age_on

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
QUARTERS_SHOWN = 8  # this quarter and the seven before it: two years to compare
NOT_KNOWN = "Not known"
PREFER_NOT = "Prefer not to say"
# The returns' age bands (haven/reporting/dimensions.py AGE_BANDS; marac sits below reporting)
AGE_BANDS = (
    (0, 15, "0-15"),
    (16, 17, "16-17"),
    (18, 24, "18-24"),
    (25, 34, "25-34"),
    (35, 44, "35-44"),
    (45, 54, "45-54"),
    (55, 64, "55-64"),
    (65, 74, "65-74"),
    (75, 200, "75 and over"),
)


@dataclass(frozen=True)
class Quarter:
    """A quarter of the financial year: 2026-Q1 is April to June 2026, 2026-Q4 January to March
    2027 (the periods returns use with a 1 April contract year)."""

    code: str
    first: dt.date
    last: dt.date

    @property
    def label(self) -> str:
        start, end = MONTHS[self.first.month - 1], MONTHS[self.last.month - 1]
        return f"{start} to {end} {self.last.year}"


def quarter_of(day: dt.date) -> Quarter:
    year = day.year if day.month >= 4 else day.year - 1
    number = ((day.month - 4) % 12) // 3 + 1
    first_month = (number - 1) * 3 + 4
    first = dt.date(year + (first_month > 12), (first_month - 1) % 12 + 1, 1)
    after = dt.date(first.year + (first.month > 9), (first.month + 2) % 12 + 1, 1)
    return Quarter(f"{year}-Q{number}", first, after - dt.timedelta(days=1))


def quarters_to(today: dt.date, count: int = QUARTERS_SHOWN) -> list[Quarter]:
    """This quarter and the `count - 1` before it, latest first."""
    quarters = [quarter_of(today)]
    while len(quarters) < count:
        quarters.append(quarter_of(quarters[-1].first - dt.timedelta(days=1)))
    return quarters


def _with_not_known(options: list[tuple[str, str]]) -> list[str]:
    return [label for _, label in options] + [NOT_KNOWN]


SEX_CELLS = _with_not_known(choices.Sex.choices)
DISABILITY_CELLS = _with_not_known(choices.YesNoPreferNot.choices)
ORIENTATION_CELLS = _with_not_known(choices.SexualOrientation.choices)
ETHNICITY_CELLS = [*choices.ETHNIC_GROUPS, PREFER_NOT, NOT_KNOWN]
AGE_CELLS = [label for _, _, label in AGE_BANDS] + [NOT_KNOWN]


def answer_cell(value: str | None, options: list[tuple[str, str]]) -> str:
    """The label of an equality answer; blank (never asked, or no equality record) is Not
    known."""
    return dict(options).get(value or "", NOT_KNOWN)


def ethnicity_cell(value: str | None) -> str:
    """The Census 2021 group of an ethnicity, as the returns group it (dimensions.py _race)."""
    if not value:
        return NOT_KNOWN
    if value == choices.PREFER_NOT_TO_SAY:
        return PREFER_NOT
    return choices.ETHNICITY_GROUP_OF.get(value, "Other ethnic group")


def age_cell(date_of_birth: dt.date | None, on: dt.date) -> str:
    """The age band on the day the case was heard."""
    if date_of_birth is None:
        return NOT_KNOWN
    age = age_on(date_of_birth, on)
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), NOT_KNOWN)


def tally(cells: list[str], values: list[str]) -> list[tuple[str, int]]:
    """Every cell in order with its count (zeros shown, so gaps are visible)."""
    return [(cell, values.count(cell)) for cell in cells]
