"""Statutory response periods counted in calendar months (reference.md s7), not working days.

The ICO's rule for subject access and erasure requests: count from the day of receipt to the
corresponding calendar date in the next month (or the month `months` on); where that month has
no such date, use its last day; where the date is not a working day, the deadline moves to the
next working day. An extension is counted "as three months from the original start date".
Days on which the clock is stopped (awaiting ID or clarification, DUAA 2025 Art. 12A) push the
deadline back by as many days as it was stopped.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from haven.deadlines.working_days import WorkingDayCalendar


def calendar_months_after(start: date, months: int) -> date:
    """The corresponding date `months` calendar months after `start`, or that month's last day
    when it has no such date (31 January + 1 month = 28 or 29 February)."""
    if months < 0:
        raise ValueError("months must not be negative")
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))


def statutory_due_date(
    received: date,
    *,
    months: int = 1,
    paused_days: int = 0,
    working_days: WorkingDayCalendar | None = None,
) -> date:
    """When a request received on `received` must be answered.

    reference.md s7: one calendar month from receipt (three with an extension, counted from the
    original start), plus any days the clock was stopped, then rolled forward to the next working
    day when it falls on a weekend or bank holiday (England and Wales by default).
    """
    if paused_days < 0:
        raise ValueError("paused_days must not be negative")
    working_days = working_days or WorkingDayCalendar()
    due = calendar_months_after(received, months) + timedelta(days=paused_days)
    while not working_days.is_working_day(due):
        due += timedelta(days=1)
    return due
