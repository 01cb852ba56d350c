"""The measures catalogue of a profile: every KPI, output, outcome and monitoring figure the seed
asks for, each computed by a named computation or listed as `not_recorded` with what is missing.

Pure: no Django. The computations themselves live in `haven.reporting.measures`; they register
their names in `computations` so a profile naming an unknown one fails validation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import AfterValidator, Field, ValidationInfo, model_validator

from haven.contracts.profiles import computations
from haven.contracts.profiles.rule_specs import Citation, Section, Text, invalid

Unit = Literal["count", "percentage", "duration", "money", "rate"]
ReportingPeriod = Literal["quarter", "month", "half_year", "year"]
# The nine protected characteristics of the Equality Act 2010, each a breakdown of its own.
ProtectedCharacteristic = Literal[
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion_belief",
    "sex",
    "sexual_orientation",
]
PROTECTED_CHARACTERISTICS: tuple[str, ...] = get_args(ProtectedCharacteristic)
# The dimensions a figure can be broken down by (haven.reporting.dimensions implements each;
# a computed measure may only name those the reporting app registered).
# `protected_characteristics` expands to the nine.
Breakdown = Literal[
    "protected_characteristics",
    ProtectedCharacteristic,
    "referral_source",
    "referral_route",
    "source_organisation",
    "risk_level",
    "primary_support_need",
    "contact_method",
    "decline_reason",
    "exit_type",
    "exit_reason",
    "agency_type",
    "exit_form_type",
    "not_contactable_reason",
    "local_authority",
    "child_or_adult",
    "rule",
    "month_received",
    "weekday_received",
    "waiting_reason",  # a waiting-list entry's reason (issue 13; seed 003 s13)
    # refuge stays (issue 13): seed 004 s10 A8 reasons for extension, seed 003 s13 in/out of area
    "extension_reason",
    "refuge_area",
    # housing on Safe Home cases (issue 13; seed 001 Lot 2 s14)
    "tenure_at_entry",
    "tenure_at_exit",
    "safe_home_outcome_kind",
    "service_level",  # target hardening (seed 002 Lot 2 s3.1, s4)
    # events (issue 16 item 2): seed 001 Lot 1 s8 "(and locations such as schools)", Lot 4 s8
    # "practitioners or public (specify)"
    "event_location_type",
    "event_audience",
    # asked for by seeds, not yet recorded: only on measures that are `missing`
    "service_element",
    "intervention_type",
]


def _measure_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        raise ValueError("use letters, digits, '.', '-' or '_', e.g. A2 or referrals_received")
    return value


MeasureId = Annotated[str, AfterValidator(_measure_id)]


class MeasureSpec(Section):
    """One figure of the return. Exactly one of `compute` (a registered computation, with its
    `params`) or `missing` (what Haven does not record yet, e.g. "needs the MARAC register")."""

    id: MeasureId
    label: Text
    section: Text  # the heading of the return the seed lays the figure under
    citation: Citation
    unit: Unit = "count"
    period: ReportingPeriod = "quarter"
    target: Annotated[float, Field(ge=0)] | None = None
    # at_least: met when value >= target (e.g. 95% contacted in 24 h); at_most: met when
    # value <= target (e.g. referrals outside the timeframes "should be zero").
    target_direction: Literal["at_least", "at_most"] = "at_least"
    breakdowns: list[Breakdown] = []
    compute: str | None = None
    params: dict[str, Any] = {}
    missing: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _computed_or_missing(self, info: ValidationInfo) -> Self:
        problems: list[tuple[tuple[str | int, ...], str, object]] = []
        if (self.compute is None) == (self.missing is None):
            message = (
                "give exactly one of compute (a computation name) or missing (what Haven does "
                'not record yet, e.g. "needs the MARAC register")'
            )
            problems.append((("compute",), message, self.compute))
        elif self.compute is not None:
            problems += _computation_problems(self.compute, self.params, info)
            problems += _breakdown_problems(self.breakdowns, info)
        if self.missing is not None and self.params:
            problems.append((("params",), "a measure that is not recorded takes no params", None))
        if self.unit == "percentage" and self.target is not None and self.target > 1:
            message = "percentage targets are fractions: write 0.95 for 95%"
            problems.append((("target",), message, self.target))
        if problems:
            raise invalid("measure", problems)
        return self

    def breakdown_keys(self) -> tuple[str, ...]:
        """The breakdowns with `protected_characteristics` expanded, in order, without repeats."""
        keys: list[str] = []
        for key in self.breakdowns:
            keys += PROTECTED_CHARACTERISTICS if key == "protected_characteristics" else [key]
        return tuple(dict.fromkeys(keys))


def _computation_problems(
    name: str, params: dict[str, Any], info: ValidationInfo
) -> list[tuple[tuple[str | int, ...], str, object]]:
    """Unknown computation or parameter, checked when the reporting app has registered its
    computations (always, once Django has started; not in pure schema tests)."""
    known = computations.known() if (info.context or {}).get("check_computations") else None
    if not known:
        return []
    if name not in known:
        close = ", ".join(sorted(known))
        return [(("compute",), f"no computation has this name; known: {close}", name)]
    allowed = known[name]
    unknown = sorted(set(params) - allowed)
    if unknown:
        choices = ", ".join(sorted(allowed)) or "none"
        return [
            (("params",), f"{', '.join(unknown)} not a parameter of {name}; use {choices}", params)
        ]
    return []


def _breakdown_problems(
    breakdowns: Sequence[str], info: ValidationInfo
) -> list[tuple[tuple[str | int, ...], str, object]]:
    """A computed measure can only be broken down by a dimension Haven computes."""
    known = (
        computations.known_dimensions() if (info.context or {}).get("check_computations") else None
    )
    if not known:
        return []
    return [
        (
            ("breakdowns", index),
            "Haven does not record this yet: keep it on a measure that is missing",
            key,
        )
        for index, key in enumerate(breakdowns)
        if key != "protected_characteristics" and key not in known
    ]


def duplicate_measure_ids(
    measures: list[MeasureSpec],
) -> list[tuple[tuple[str | int, ...], str, object]]:
    first: dict[str, int] = {}
    problems: list[tuple[tuple[str | int, ...], str, object]] = []
    for index, measure in enumerate(measures):
        if measure.id in first:
            message = f"duplicate measure id; first used at measures[{first[measure.id]}]"
            problems.append((("measures", index, "id"), message, measure.id))
        else:
            first[measure.id] = index
    return problems
