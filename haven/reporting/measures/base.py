"""What a measure computation is: a small pure function from the facts of a contract and a
period to a `Figure` (the value and the records behind it).

Pure: no Django. Register one with `@computation("name", params={...})`; profiles name it in a
measure's `compute:` and pass `params:`. Counting rules are in each function's docstring and in
haven/reporting/README.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from haven.contracts.profiles import computations as registry
from haven.reporting.facts import Facts
from haven.reporting.periods import Period


@dataclass(frozen=True)
class MeasureContext:
    """What every computation sees: the contract's facts, the period, and profile settings."""

    facts: Facts
    period: Period
    now: datetime
    route_labels: dict[str, str] = field(default_factory=dict)
    rule_labels: dict[str, str] = field(default_factory=dict)
    # the profile's needs-assessment area key: the reporting domain it rolls up to
    area_domains: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Figure:
    """A computed figure. `kind` names the records (referral, case, task ...) behind it.

    count: value = len(numerator). percentage: value = len(numerator) / len(denominator) (None
    when the denominator is empty); numerator is a subset of denominator. duration and money:
    value = the mean (duration, in days) or the sum (money) of `amounts` over `numerator`.
    money_mean: the mean to the penny (money per record, e.g. cost per property).
    """

    kind: str
    numerator: tuple[Any, ...]
    denominator: tuple[Any, ...] | None = None
    amounts: dict[Any, float] | None = None
    aggregate: str = "count"  # count | percentage | mean | sum
    # (money_mean too: a mean amount of money to the penny, target_hardening.py)

    @property
    def value(self) -> float | int | None:
        return aggregate(self.aggregate, self.numerator, self.denominator, self.amounts)


def aggregate(
    how: str,
    numerator: Iterable[Any],
    denominator: Iterable[Any] | None,
    amounts: dict[Any, float] | None,
) -> float | int | None:
    ids = list(numerator)
    if how == "count":
        return len(ids)
    if how == "percentage":
        total = len(list(denominator or ()))
        return len(ids) / total if total else None
    values = [amounts[i] for i in ids if amounts and i in amounts]
    if how == "sum":
        return round(sum(values), 2)
    if how == "ratio":  # a share weighted by amounts (FTE, FTE days): ratio() below
        whole = sum((amounts or {}).get(i, 0.0) for i in (denominator or ()))
        part = sum((amounts or {}).get((NUMERATOR_WEIGHT, i), 0.0) for i in ids)
        return part / whole if whole else None
    if how == "money_mean":  # a mean amount of money, to the penny (cost per property)
        return round(sum(values) / len(values), 2) if values else None
    return round(sum(values) / len(values), 1) if values else None


def count(kind: str, ids: Iterable[Any]) -> Figure:
    return Figure(kind, tuple(dict.fromkeys(ids)))


def percentage(kind: str, numerator: Iterable[Any], denominator: Iterable[Any]) -> Figure:
    whole = tuple(dict.fromkeys(denominator))
    inside = set(numerator)
    return Figure(kind, tuple(i for i in whole if i in inside), whole, aggregate="percentage")


NUMERATOR_WEIGHT = "numerator"


def ratio(kind: str, numerator: dict[Any, float], denominator: dict[Any, float]) -> Figure:
    """A share weighted by amounts (workforce, issue 16: FTE, FTE days): the sum of the
    numerator's weights over the sum of the denominator's; each record's numerator weight is
    kept under (NUMERATOR_WEIGHT, id) beside its denominator weight under id, so a breakdown
    cell is a ratio too. Numerator ids are denominator ids."""
    whole = tuple(denominator)
    amounts: dict[Any, float] = dict(denominator)
    amounts |= {(NUMERATOR_WEIGHT, k): v for k, v in numerator.items() if k in denominator}
    return Figure(
        kind, tuple(i for i in whole if i in numerator), whole, amounts=amounts, aggregate="ratio"
    )


def mean(kind: str, amounts: dict[Any, float]) -> Figure:
    return Figure(kind, tuple(amounts), amounts=amounts, aggregate="mean")


def total(kind: str, amounts: dict[Any, float]) -> Figure:
    return Figure(kind, tuple(amounts), amounts=amounts, aggregate="sum")


def money_mean(kind: str, amounts: dict[Any, float]) -> Figure:
    return Figure(kind, tuple(amounts), amounts=amounts, aggregate="money_mean")


Computation = Callable[..., Figure]
COMPUTATIONS: dict[str, Computation] = {}
# The optional facts (OPTIONAL_FACTS) a computation reads; the loader skips the others' queries.
NEEDS: dict[str, frozenset[str]] = {}
# Each optional fact and the Facts fields it fills; a field not loaded refuses to be read
# (facts.NotLoaded), so a computation that forgets to declare what it reads fails loudly.
OPTIONAL_FIELDS = {
    "flags": ("flags",),
    "households": ("households",),
    "first_case_opened": ("first_case_opened",),
    "proceedings": ("proceedings",),
    "outcomes": ("outcome_assessments", "outcome_answers"),
    "plans": ("support_plans", "safety_plans"),
    "surveys": ("surveys", "survey_answers", "follow_ups_due"),
    "needs_areas": ("needs_areas",),
    "incidents": ("serious_incidents", "complaints", "compliments"),
    "safeguarding": ("child_records", "safeguarding_events", "safeguarding_alerts"),
    "marac": ("marac_referrals", "marac_hearings", "marac_incidents"),
    "risk_history": ("risks_before",),
    "waiting_list": ("waiting_list_entries",),
    "stays": ("stays", "stay_members"),
    "housing": ("housing_situations", "safe_home_outcomes"),
    "target_hardening": ("target_hardening_jobs", "target_hardening_fittings"),
    "quick_questions": ("quick_questions", "lone_chat_bookings"),
    "incident_history": ("closed_case_incidents",),  # issue 16: measures/victimisation.py
    "events": ("events", "event_feedback"),  # haven/events (issue 16 item 2)
    "finance": ("finance_spend", "finance_income", "finance_profile"),  # issue 16 item 7
    "workforce": (
        "staff_members",
        "establishment_posts",
        "sickness_absences",
        "supervisions",
        "training_completions",
        "training_courses",
        "training_sessions",
        "staff_equality",
    ),
    "restorative": ("restorative_processes",),
    "appraisal": ("appraisal_responses", "appraisal_answers", "feedback_items"),
    "programmes": (
        "programme_runs",
        "programme_enrolments",
        "programme_sessions",
        "programme_attendance",
        "pre_group_contacts",
        "creche_sessions",
    ),
    "helpline": ("helpline_calls", "call_backs"),  # haven/helpline (issue 16)
}
OPTIONAL_FACTS = frozenset(OPTIONAL_FIELDS)


def computation(
    name: str, *, params: Iterable[str] = (), needs: Iterable[str] = ()
) -> Callable[[Computation], Computation]:
    """Register `fn(ctx, **params) -> Figure` under `name` for profiles to use; `needs` names
    the optional facts it reads (OPTIONAL_FIELDS)."""
    unknown = set(needs) - OPTIONAL_FACTS
    if unknown:
        raise ValueError(f"{name}: unknown optional facts {sorted(unknown)}")

    def register(fn: Computation) -> Computation:
        if name in COMPUTATIONS:
            raise ValueError(f"two computations are named {name!r}")
        COMPUTATIONS[name] = fn
        NEEDS[name] = frozenset(needs)
        registry.register(name, frozenset(params))
        return fn

    return register
