"""Profile building blocks for deadline rules: durations, conditions, rules and schedules.

Pure: no Django. Each spec converts to the frozen dataclasses of `haven.deadlines`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from haven.deadlines import (
    Action,
    Condition,
    ContactMethod,
    DeadlineRule,
    Duration,
    DurationKind,
    Priority,
    RiskLevel,
    StartEvent,
)

Loc = tuple[str | int, ...]


def invalid(title: str, problems: list[tuple[Loc, str, object]]) -> ValidationError:
    """A ValidationError pointing at exact fields, for checks that span several of them."""
    details = [
        InitErrorDetails(type=PydanticCustomError("profile", message), loc=loc, input=value)
        for loc, message, value in problems
    ]
    return ValidationError.from_exception_data(title, details)


def _key(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ValueError("use lower-case letters, digits and underscores, e.g. first_contact_phone")
    return value


Text = Annotated[str, Field(min_length=1)]
Citation = Annotated[str, Field(min_length=1, description="e.g. seed 002 s3.7")]
Key = Annotated[str, AfterValidator(_key)]
Count = Annotated[int, Field(strict=True, ge=1)]


class Section(BaseModel):
    """Every part of a profile: unknown keys are errors and values are read-only once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DurationSpec(Section):
    """Exactly one duration kind, e.g. {working_days: 5} (profile-format "Duration semantics")."""

    hours: Count | None = None
    same_day: bool | None = None
    days: Count | None = None
    working_days: Count | None = None
    weeks: Count | None = None
    months: Count | None = None

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> Self:
        if self.same_day is False:
            raise ValueError("same_day can only be true; to give another duration, remove same_day")
        given = [kind.value for kind in DurationKind if getattr(self, kind.value) is not None]
        if len(given) != 1:
            kinds = ", ".join(kind.value for kind in DurationKind)
            got = " and ".join(given) or "none"
            raise ValueError(f"a duration needs exactly one of {kinds}; got {got}")
        return self

    @model_serializer(mode="wrap")
    def _only_the_given_kind(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        dumped: dict[str, Any] = handler(self)
        return {kind: value for kind, value in dumped.items() if value is not None}

    def to_duration(self) -> Duration:
        for kind in DurationKind:
            value = getattr(self, kind.value)
            if value is not None:
                return Duration(kind, 0 if kind is DurationKind.SAME_DAY else value)
        raise AssertionError("validated durations have one kind")


class ConditionSpec(Section):
    """`when:` all given dimensions must match; null (or omitted) means any."""

    method: list[ContactMethod] | None = None
    risk: list[RiskLevel] | None = None
    priority: list[Priority] | None = None

    @field_validator("method", "risk", "priority")
    @classmethod
    def _not_empty(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and not value:
            raise ValueError("an empty list matches nothing; use null for any")
        return value

    def to_condition(self) -> Condition:
        return Condition.of(self.method, self.risk, self.priority)


class DeadlineRuleSpec(Section):
    """A first-contact or other clocked duty; every rule cites its seed."""

    key: Key
    label: Text
    start: StartEvent
    duration: DurationSpec
    attempts: Count | None = None
    action: Action
    when: ConditionSpec | None = None
    supersedes: Key | None = None
    clock_starts_at_opening: bool | None = None
    citation: Citation
    note: str | None = None

    def to_rule(self) -> DeadlineRule:
        return DeadlineRule(
            key=self.key,
            label=self.label,
            start=self.start,
            duration=self.duration.to_duration(),
            action=self.action,
            citation=self.citation,
            attempts=self.attempts,
            when=self.when.to_condition() if self.when else Condition(),
            supersedes=self.supersedes,
            clock_starts_at_opening=self.clock_starts_at_opening,
            note=self.note,
        )


class RepeatSpec(Section):
    every: DurationSpec


class ScheduleSpec(Section):
    """A recurring or milestone duty after acceptance, e.g. a needs assessment."""

    key: Key
    label: Text
    start: StartEvent
    duration: DurationSpec
    action: Action
    citation: Citation
    repeat: RepeatSpec | None = None
    when: ConditionSpec | None = None
    note: str | None = None

    def to_rule(self) -> DeadlineRule:
        return DeadlineRule(
            key=self.key,
            label=self.label,
            start=self.start,
            duration=self.duration.to_duration(),
            action=self.action,
            citation=self.citation,
            when=self.when.to_condition() if self.when else Condition(),
            note=self.note,
            repeat_every=self.repeat.every.to_duration() if self.repeat else None,
        )
