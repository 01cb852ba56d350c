"""Reads of returns: a contract's figures for a period, and a measure's trend.

Every figure counts all the contract's records, whoever asks (ADR 0010); who may ask is checked by
the views (`reporting.rules`) before these are called.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.engine import ReturnResult, figures_for
from haven.reporting.loaders import load_facts
from haven.reporting.periods import Period

TREND_PERIODS = 8


def contract_return(
    contract: Contract, period: Period, *, now: datetime | None = None
) -> ReturnResult:
    """The contract's return for the period, computed from the records now."""
    now = now or timezone.now()
    facts = load_facts(contract, period.start, period.end)
    return figures_for(profile_of(contract), facts, period, now, name=contract.name)


def contract_trend(
    contract: Contract, period: Period, *, count: int = TREND_PERIODS, now: datetime | None = None
) -> list[ReturnResult]:
    """The return for this period and the `count - 1` before it (oldest first), from one load of
    the facts that spans them all."""
    now = now or timezone.now()
    profile = profile_of(contract)
    periods = period.trend(count, profile.contract_year_start)
    facts = load_facts(contract, periods[0].start, periods[-1].end)
    return [figures_for(profile, facts, p, now, name=contract.name) for p in periods]
