"""When a return is due, and where it stands: due, overdue, signed off, submitted.

Pure: no Django. A contract's return is due its profile's `reporting.due` after the last day of
the period (seed 003 s14: Wokingham "within 21 days after the last date of each quarter period";
seed 002 s16: Victim First "no more than one month after the conclusion of the monitoring
period"), unless the service manager has set a date for that period (seed 004 s10: Cornwall's
"1 week prior to the contract review meetings").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from haven.deadlines.local_time import add_months
from haven.deadlines.rules import Duration, DurationKind
from haven.deadlines.working_days import WorkingDayCalendar

DUE, OVERDUE, SIGNED_OFF, SUBMITTED = "due", "overdue", "signed_off", "submitted"
STATUS_LABELS = {
    DUE: "Due",
    OVERDUE: "Overdue",
    SIGNED_OFF: "Signed off, not submitted",
    SUBMITTED: "Submitted",
}
FREQUENCY_PERIODS = {"quarterly": "quarter", "monthly": "month", "biannual": "half_year"}


def return_due_on(
    last: date, duration: Duration, calendar: WorkingDayCalendar | None = None
) -> date:
    """The day a return for a period ending on `last` is due."""
    if duration.kind is DurationKind.DAYS:
        return last + timedelta(days=duration.amount)
    if duration.kind is DurationKind.WEEKS:
        return last + timedelta(weeks=duration.amount)
    if duration.kind is DurationKind.MONTHS:
        return add_months(last, duration.amount)
    if duration.kind is DurationKind.WORKING_DAYS:
        return (calendar or WorkingDayCalendar()).add_working_days(last, duration.amount)
    if duration.kind is DurationKind.HOURS:
        return last + timedelta(days=-(-duration.amount // 24))
    return last  # same_day


def return_status(due_on: date, today: date, snapshot_status: str | None) -> str:
    """Submitted or signed off (by the current version), else due or overdue against today."""
    if snapshot_status == SUBMITTED:
        return SUBMITTED
    if snapshot_status == SIGNED_OFF:
        return SIGNED_OFF
    return OVERDUE if today > due_on else DUE


@dataclass(frozen=True)
class DueReturn:
    """One row of a service manager's "Returns due" list."""

    contract_slug: str
    contract_name: str
    period_code: str
    period_label: str
    due_on: date
    due_set_by_manager: bool
    status: str
    version: int | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]
