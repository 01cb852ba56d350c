"""Pure deadline arithmetic for contract profiles: calendars, opening hours, rules, explanations.

No Django here (STYLE habit 7): everything takes and returns plain values and aware datetimes.
"""

from haven.deadlines.engine import (
    ClockStart,
    ComputedDeadline,
    Evaluation,
    NotComputed,
    ServiceClock,
    clock_start,
    compute_deadline,
    due_time,
    evaluate,
    select_rules,
)
from haven.deadlines.local_time import LONDON, OutOfRangeError, end_of_day
from haven.deadlines.opening_hours import BankHolidayHours, OpeningHours, OpeningWindow
from haven.deadlines.rules import (
    RISK_LEVEL_CHOICES,
    Action,
    Condition,
    ContactMethod,
    DeadlineRule,
    Duration,
    DurationKind,
    Priority,
    RiskLevel,
    Situation,
    StartEvent,
)
from haven.deadlines.working_days import WorkingDayCalendar, weekday_number

__all__ = [
    "LONDON",
    "RISK_LEVEL_CHOICES",
    "Action",
    "BankHolidayHours",
    "ClockStart",
    "ComputedDeadline",
    "Condition",
    "ContactMethod",
    "DeadlineRule",
    "Duration",
    "DurationKind",
    "Evaluation",
    "NotComputed",
    "OpeningHours",
    "OpeningWindow",
    "OutOfRangeError",
    "Priority",
    "RiskLevel",
    "ServiceClock",
    "Situation",
    "StartEvent",
    "WorkingDayCalendar",
    "clock_start",
    "compute_deadline",
    "due_time",
    "end_of_day",
    "evaluate",
    "select_rules",
    "weekday_number",
]
