"""The retention schedule: a per-record-type policy table (rule code, trigger event, period).

reference.md s7 (Retention): there is no national DA-specific retention standard, so the rules
are local-practice defaults (CASE+6, DOB+25, 6+) loaded from a YAML file and validated strictly
(unknown keys are errors, as in the contract profiles). Pure apart from reading the file.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_SCHEDULE = Path(__file__).with_name("schedule.yaml")

RecordType = Literal["adult", "child", "no_case"]
Trigger = Literal["case_closed", "date_of_birth", "financial_year_end_of_last_change"]
RECORD_TYPES: tuple[RecordType, ...] = ("adult", "child", "no_case")


class ScheduleError(ValueError):
    """The schedule file is not valid: the message names the file, the place and the reason."""


class RetentionRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    record_type: RecordType
    label: str = Field(min_length=1, max_length=100)
    code: str = Field(min_length=1, max_length=20)
    trigger: Trigger
    years: int = Field(ge=1, le=100)
    explanation: str = Field(min_length=1, max_length=300)


class RetentionSchedule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=1, max_length=500)
    rules: tuple[RetentionRule, ...]

    @model_validator(mode="after")
    def _one_rule_per_record_type(self) -> RetentionSchedule:
        seen = [rule.record_type for rule in self.rules]
        duplicates = sorted({kind for kind in seen if seen.count(kind) > 1})
        if duplicates:
            raise ValueError(f"more than one rule for {', '.join(duplicates)}")
        missing = [kind for kind in RECORD_TYPES if kind not in seen]
        if missing:
            raise ValueError(f"no rule for {', '.join(missing)}")
        return self

    def rule_for(self, record_type: str) -> RetentionRule:
        return next(rule for rule in self.rules if rule.record_type == record_type)


def parse_schedule(text: str, *, name: str = "schedule") -> RetentionSchedule:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as problem:
        raise ScheduleError(f"{name}: not valid YAML ({problem})") from None
    try:
        return RetentionSchedule.model_validate(data)
    except ValidationError as problems:
        details = "; ".join(
            f"{'.'.join(str(part) for part in error['loc']) or 'top level'}: {error['msg']}"
            for error in problems.errors()
        )
        raise ScheduleError(f"{name}: {details}") from None


def schedule_source() -> tuple[str, str]:
    """(name, YAML text) of the schedule in force: HAVEN_RETENTION_SCHEDULE, or the defaults."""
    custom = getattr(settings, "HAVEN_RETENTION_SCHEDULE", "")
    if custom:
        return "HAVEN_RETENTION_SCHEDULE", custom
    return DEFAULT_SCHEDULE.name, DEFAULT_SCHEDULE.read_text(encoding="utf-8")


@cache
def _parsed(name: str, text: str) -> RetentionSchedule:
    return parse_schedule(text, name=name)


def schedule_in_force() -> RetentionSchedule:
    """The service's schedule (HAVEN_RETENTION_SCHEDULE), or the local-practice defaults."""
    return _parsed(*schedule_source())


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def financial_year_end(day: dt.date) -> dt.date:
    """31 March ending the UK financial year that holds ``day``."""
    return dt.date(day.year if day.month <= 3 else day.year + 1, 3, 31)
