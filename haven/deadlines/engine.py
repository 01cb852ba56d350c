"""Compute, select and explain deadlines: the rule, its citation, when the clock started and why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from haven.deadlines.local_time import (
    LONDON,
    OutOfRangeError,
    add_hours,
    add_months,
    describe_day,
    describe_moment,
    end_of_day,
    require_aware,
    require_in_range,
)
from haven.deadlines.opening_hours import OpeningHours
from haven.deadlines.rules import DeadlineRule, Duration, DurationKind, Situation, StartEvent
from haven.deadlines.working_days import WorkingDayCalendar

EVENT_VERBS = {
    StartEvent.RECEIVED: "arrived",
    StartEvent.INCIDENT: "incident at",
    StartEvent.ACCEPTED: "accepted",
    StartEvent.ENTERED: "entered",
    StartEvent.CLOSED: "support closed",
    StartEvent.FIRST_CONTACT: "first contact",
    StartEvent.SERIOUS_INCIDENT: "serious incident at",
}


EVENT_NAMES = {
    StartEvent.RECEIVED: "received",
    StartEvent.INCIDENT: "incident",
    StartEvent.ACCEPTED: "accepted",
    StartEvent.ENTERED: "entered",
    StartEvent.CLOSED: "closure",
    StartEvent.FIRST_CONTACT: "first contact",
    StartEvent.SERIOUS_INCIDENT: "serious incident",
}


@dataclass(frozen=True, kw_only=True)
class ServiceClock:
    """A service's time rules: working-day calendar, opening hours and when clocks start."""

    calendar: WorkingDayCalendar = field(default_factory=WorkingDayCalendar)
    opening_hours: OpeningHours | None = None  # None = always open
    clock_starts_at_opening: bool = False
    timezone: ZoneInfo = LONDON

    def __post_init__(self) -> None:
        hours = self.opening_hours
        if hours is not None and (
            hours.calendar != self.calendar or hours.timezone != self.timezone
        ):
            raise ValueError("opening hours must use the service clock's calendar and time zone")

    @property
    def hours(self) -> OpeningHours:
        return self.opening_hours or OpeningHours.always_open(self.calendar, self.timezone)


@dataclass(frozen=True)
class ClockStart:
    """When a rule's clock started, from which event, and why in plain English."""

    event: StartEvent
    event_at: datetime
    starts_at: datetime
    reason: str


@dataclass(frozen=True)
class ComputedDeadline:
    """A rule applied to a situation: its due time and how it was worked out."""

    rule: DeadlineRule
    clock_start: ClockStart
    due: datetime
    working: str  # how the duration was applied, e.g. "5 working days after Monday 21 Dec 2026 ..."

    @property
    def why(self) -> str:
        """The start and the arithmetic, without the rule itself."""
        return f"{self.clock_start.reason}; {self.working}"

    @property
    def explanation(self) -> str:
        """The whole story: rule, citation, start and why, result."""
        rule = self.rule
        return f"{rule.label} ({rule.key}, {rule.citation}): {self.why}"


@dataclass(frozen=True)
class NotComputed:
    """A rule that applies but whose start event time was not given."""

    rule: DeadlineRule
    missing: StartEvent


@dataclass(frozen=True)
class Evaluation:
    """Every rule of a contract sorted by what happened to it for one situation."""

    computed: tuple[ComputedDeadline, ...]
    not_computed: tuple[NotComputed, ...]
    # (the dropped rule, the rule replacing it)
    superseded: tuple[tuple[DeadlineRule, DeadlineRule], ...]
    not_applicable: tuple[DeadlineRule, ...]


def clock_start(rule: DeadlineRule, event_at: datetime, clock: ServiceClock) -> ClockStart:
    """Start at the event, or at the next opening when the service was closed and the rule waits.

    An event time outside the years deadlines are worked out for raises OutOfRangeError.
    """
    require_in_range(event_at, f"{EVENT_NAMES[rule.start]} time", rule.start.value)
    local = event_at.astimezone(clock.timezone)
    said = f"{EVENT_VERBS[rule.start]} {describe_moment(local)}"
    waits = clock.clock_starts_at_opening
    if rule.clock_starts_at_opening is not None:
        waits = rule.clock_starts_at_opening
    hours = clock.hours
    if not waits or hours.is_always_open:
        return ClockStart(rule.start, local, local, f"{said}; clock starts then")
    if hours.is_open(local):
        return ClockStart(rule.start, local, local, f"{said} while open; clock starts then")
    opening = hours.next_opening(local)
    reason = (
        f"{said} while closed ({hours.closed_reason(local)}); "
        f"clock starts {describe_moment(opening)} at the next opening"
    )
    return ClockStart(rule.start, local, opening, reason)


def due_time(
    duration: Duration, start: datetime, calendar: WorkingDayCalendar, zone: ZoneInfo = LONDON
) -> datetime:
    """The due time for `duration` from the clock start, worked out in local time `zone`."""
    require_aware(start, "start")
    start = start.astimezone(zone)
    day = start.date()
    match duration.kind:
        case DurationKind.HOURS:
            return add_hours(start, duration.amount)
        case DurationKind.SAME_DAY:
            return end_of_day(day, zone)
        case DurationKind.DAYS:
            return end_of_day(day + timedelta(days=duration.amount), zone)
        case DurationKind.WORKING_DAYS:
            return end_of_day(calendar.add_working_days(day, duration.amount), zone)
        case DurationKind.WEEKS:
            return end_of_day(day + timedelta(weeks=duration.amount), zone)
        case DurationKind.MONTHS:
            return end_of_day(add_months(day, duration.amount), zone)


def _working(
    duration: Duration, start: datetime, due: datetime, calendar: WorkingDayCalendar
) -> str:
    """How the duration was applied, naming what a reader would check (holidays, clock changes)."""
    if duration.kind is DurationKind.HOURS:
        shift = (
            ""
            if start.utcoffset() == due.utcoffset()
            else f", across the clock change ({start.tzname()} to {due.tzname()})"
        )
        return f"{duration.describe()} elapsed{shift}: due {describe_moment(due)}"
    if duration.kind is DurationKind.SAME_DAY:
        return f"due by the end of the same day, {describe_moment(due)}"
    text = f"{duration.describe()} after {describe_day(start.date())}"
    if duration.kind is DurationKind.WORKING_DAYS:
        skipped = [
            (day, name)
            for day, name in calendar.bank_holidays_between(start.date(), due.date())
            if not calendar.is_weekend(day)
        ]
        if skipped:
            names = ", ".join(f"{describe_day(day)} ({name})" for day, name in skipped)
            text += f", skipping bank holidays {names}"
    return f"{text}: due {describe_moment(due)}"


def compute_deadline(
    rule: DeadlineRule, event_at: datetime, clock: ServiceClock
) -> ComputedDeadline:
    """Apply one rule to the time of its start event (OutOfRangeError for an implausible one)."""
    start = clock_start(rule, event_at, clock)
    try:
        due = due_time(rule.duration, start.starts_at, clock.calendar, clock.timezone)
    except OverflowError:  # a duration so long the due date is past the year 9999
        raise OutOfRangeError(
            "due date",
            f"{rule.duration.describe()} after {describe_moment(start.starts_at)} "
            "is past the last date Python can hold",
        ) from None
    working = _working(rule.duration, start.starts_at, due, clock.calendar)
    if rule.attempts:
        working += f"; {rule.attempts} attempt{'s' if rule.attempts > 1 else ''}"
    if rule.repeat_every is not None:
        working += f"; then every {rule.repeat_every.describe()}"
    return ComputedDeadline(rule, start, due, working)


def select_rules(
    rules: Iterable[DeadlineRule], situation: Situation
) -> tuple[list[DeadlineRule], list[tuple[DeadlineRule, DeadlineRule]], list[DeadlineRule]]:
    """Split rules into (applying, superseded with their replacement, not applicable)."""
    matching: list[DeadlineRule] = []
    not_applicable: list[DeadlineRule] = []
    for rule in rules:
        (matching if rule.when.matches(situation) else not_applicable).append(rule)
    replacing = {rule.supersedes: rule for rule in matching if rule.supersedes}
    applying = [rule for rule in matching if rule.key not in replacing]
    superseded = [(rule, replacing[rule.key]) for rule in matching if rule.key in replacing]
    return applying, superseded, not_applicable


def evaluate(
    rules: Sequence[DeadlineRule], situation: Situation, clock: ServiceClock
) -> Evaluation:
    """Every deadline that applies to `situation`, computed where its start time is known."""
    applying, superseded, not_applicable = select_rules(rules, situation)
    computed: list[ComputedDeadline] = []
    not_computed: list[NotComputed] = []
    for rule in applying:
        event_at = situation.events.get(rule.start)
        if event_at is None:
            not_computed.append(NotComputed(rule, rule.start))
        else:
            computed.append(compute_deadline(rule, event_at, clock))
    return Evaluation(
        tuple(computed), tuple(not_computed), tuple(superseded), tuple(not_applicable)
    )
