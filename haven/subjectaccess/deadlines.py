"""When a subject access request is due (reference.md s7).

reference.md s7: "without undue delay and at the latest within one month of receipt" of the
request, or of any requested ID or clarification: one calendar month from the day of receipt to
the corresponding date (or the month's last day), rolled forward to the next working day; the
days the clock stood still (DUAA 2025 Art. 12A: awaiting ID or clarification) are added; an
extension makes it three months from the original start. `statutory_due_date` does the counting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from haven.deadlines.statutory import statutory_due_date

if TYPE_CHECKING:
    from haven.subjectaccess.models import ClockStop, SubjectAccessRequest

DUE_SOON_DAYS = 7  # the DPO's list warns a week ahead


def stopped_days(stops: list[ClockStop], today: date) -> int:
    """Days the clock stood still: each stop from the day it started to the day it ended (or to
    today while it is still stopped)."""
    total = 0
    for stop in stops:
        end = stop.ended_on or today
        total += max((end - stop.started_on).days, 0)
    return total


def first_month_due(sar: SubjectAccessRequest, today: date) -> date:
    """The one-month deadline, with the stopped days (the extension must be told before it)."""
    return statutory_due_date(
        sar.received_on, months=1, paused_days=stopped_days(list(sar.stops.all()), today)
    )


def due_date(sar: SubjectAccessRequest, today: date) -> date:
    """reference.md s7: one calendar month, or three from the original start when extended."""
    return statutory_due_date(
        sar.received_on,
        months=3 if sar.extended else 1,
        paused_days=stopped_days(list(sar.stops.all()), today),
    )


@dataclass(frozen=True)
class Due:
    sar: SubjectAccessRequest
    due_on: date
    days_left: int  # negative: overdue by that many days
    clock_stopped: bool

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def due_soon(self) -> bool:
        return 0 <= self.days_left <= DUE_SOON_DAYS


def due_of(sar: SubjectAccessRequest, today: date) -> Due:
    due_on = due_date(sar, today)
    stopped = any(stop.ended_on is None for stop in sar.stops.all())
    return Due(sar=sar, due_on=due_on, days_left=(due_on - today).days, clock_stopped=stopped)


def latest_told_on(sar: SubjectAccessRequest, today: date) -> date:
    """reference.md s7: the person is told of an extension within the first month."""
    return first_month_due(sar, today)


__all__ = ["DUE_SOON_DAYS", "Due", "due_date", "due_of", "first_month_due", "stopped_days"]
