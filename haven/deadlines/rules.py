"""Deadline rules as plain values: a start event, a duration and the situations they apply to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class StartEvent(StrEnum):
    """The event a deadline's clock runs from (contracts.md "Deadline semantics")."""

    RECEIVED = "received"  # the referral reached the service
    INCIDENT = "incident"  # the police incident time (DV 360)
    ACCEPTED = "accepted"  # accepted onto the caseload
    ENTERED = "entered"  # moved into the refuge
    CLOSED = "closed"  # support ended
    FIRST_CONTACT = "first_contact"  # the first spoken or web-chat contact
    # a serious incident recorded on the case (its own event, never the referral's incident)
    SERIOUS_INCIDENT = "serious_incident"


class DurationKind(StrEnum):
    HOURS = "hours"
    SAME_DAY = "same_day"
    DAYS = "days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"


class ContactMethod(StrEnum):
    """The victim's chosen contact method, from the police list (seed 002 s3.7)."""

    HOME_PHONE = "home_phone"
    MOBILE_PHONE = "mobile_phone"
    WORK_PHONE = "work_phone"
    EMAIL = "email"
    IN_PERSON = "in_person"
    POST = "post"
    SMS = "sms"


class RiskLevel(StrEnum):
    """Standard, medium or high: the one definition of risk levels (profiles, the risk
    checklist, referrals and cases all use it; model fields take `RISK_LEVEL_CHOICES`)."""

    STANDARD = "standard"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def label(self) -> str:
        return self.value.capitalize()


RISK_LEVEL_CHOICES = [(level.value, level.label) for level in RiskLevel]


class Priority(StrEnum):
    STANDARD = "standard"
    EMERGENCY = "emergency"


class Action(StrEnum):
    """The recorded action that meets a deadline."""

    PHONE_CONTACT = "phone_contact"
    LETTER_SENT = "letter_sent"
    EMAIL_SENT = "email_sent"
    SMS_SENT = "sms_sent"
    VISIT_DONE = "visit_done"
    VISIT_OFFERED = "visit_offered"
    CONTACT_ANY = "contact_any"
    RISK_ASSESSMENT = "risk_assessment"
    NEEDS_ASSESSMENT = "needs_assessment"
    SUPPORT_PLAN = "support_plan"
    REVIEW = "review"
    MARAC_REFERRAL = "marac_referral"
    REPORT = "report"
    # the refuge stay limit: met by moving out before it, or by recording the extension's exit
    # plan, review timetable and commissioner notice (seed 004 s7.3)
    STAY_LIMIT = "stay_limit"


@dataclass(frozen=True)
class Duration:
    """How long after the clock starts a deadline falls; `amount` is 0 for same_day."""

    kind: DurationKind
    amount: int = 0

    def __post_init__(self) -> None:
        if self.kind is DurationKind.SAME_DAY and self.amount != 0:
            raise ValueError("a same_day duration has no amount")
        if self.kind is not DurationKind.SAME_DAY and self.amount < 1:
            raise ValueError(f"a {self.kind} duration needs a whole number of at least 1")

    @classmethod
    def hours(cls, amount: int) -> Duration:
        return cls(DurationKind.HOURS, amount)

    @classmethod
    def same_day(cls) -> Duration:
        return cls(DurationKind.SAME_DAY)

    @classmethod
    def days(cls, amount: int) -> Duration:
        return cls(DurationKind.DAYS, amount)

    @classmethod
    def working_days(cls, amount: int) -> Duration:
        return cls(DurationKind.WORKING_DAYS, amount)

    @classmethod
    def weeks(cls, amount: int) -> Duration:
        return cls(DurationKind.WEEKS, amount)

    @classmethod
    def months(cls, amount: int) -> Duration:
        return cls(DurationKind.MONTHS, amount)

    def describe(self) -> str:
        """'48 hours', 'the same day', '1 working day'."""
        if self.kind is DurationKind.SAME_DAY:
            return "the same day"
        unit = self.kind.replace("_", " ")
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"


@dataclass(frozen=True)
class Situation:
    """What is known about a referral or case: its triage dimensions and start-event times."""

    events: Mapping[StartEvent, datetime] = field(default_factory=dict)
    method: ContactMethod | None = None
    risk: RiskLevel | None = None
    priority: Priority | None = None


def _allows[T](allowed: frozenset[T] | None, value: T | None) -> bool:
    """An unconstrained dimension allows anything; a constrained one needs a value in it."""
    return allowed is None or (value is not None and value in allowed)


@dataclass(frozen=True)
class Condition:
    """Which situations a rule applies to; None = any, and every given dimension must match."""

    method: frozenset[ContactMethod] | None = None
    risk: frozenset[RiskLevel] | None = None
    priority: frozenset[Priority] | None = None

    @classmethod
    def of(
        cls,
        method: Iterable[str] | None = None,
        risk: Iterable[str] | None = None,
        priority: Iterable[str] | None = None,
    ) -> Condition:
        """Build from plain strings, e.g. Condition.of(method=["email"])."""
        return cls(
            None if method is None else frozenset(map(ContactMethod, method)),
            None if risk is None else frozenset(map(RiskLevel, risk)),
            None if priority is None else frozenset(map(Priority, priority)),
        )

    def matches(self, situation: Situation) -> bool:
        return (
            _allows(self.method, situation.method)
            and _allows(self.risk, situation.risk)
            and _allows(self.priority, situation.priority)
        )

    def dimensions(self) -> dict[str, frozenset[str]]:
        """The constrained dimensions by name, e.g. {'method': {'email'}}."""
        given = {"method": self.method, "risk": self.risk, "priority": self.priority}
        return {name: frozenset(values) for name, values in given.items() if values is not None}

    def describe(self) -> str:
        """'method email; risk high', or 'any situation'."""
        parts = [f"{name} {'/'.join(sorted(values))}" for name, values in self.dimensions().items()]
        return "; ".join(parts) or "any situation"


@dataclass(frozen=True, kw_only=True)
class DeadlineRule:
    """One clocked duty from a profile, e.g. seed 002 s3.7: phone within 48 h, 3 attempts."""

    key: str
    label: str
    start: StartEvent
    duration: Duration
    action: Action
    citation: str
    attempts: int | None = None
    when: Condition = field(default_factory=Condition)
    supersedes: str | None = None
    clock_starts_at_opening: bool | None = None  # None = the profile's setting
    note: str | None = None
    repeat_every: Duration | None = None  # schedules that recur, e.g. every 6 months
