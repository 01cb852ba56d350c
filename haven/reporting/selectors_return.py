"""Reads for a return with its equality analysis and data-quality exceptions, from one load of
the facts, so the return page and its downloads cost a fixed number of queries whatever the
number of records (issue 10 s3-s4: the analysis "shown on the returns page and in the exports").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from markupsafe import Markup

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.engine import ReturnResult, figures_for
from haven.reporting.equality import EqualityAnalysis, analysis_for, equality_json
from haven.reporting.facts import Facts
from haven.reporting.loaders import gc_paused, load_facts
from haven.reporting.periods import Period
from haven.reporting.presenters import trend_charts
from haven.reporting.quality import quality_report
from haven.reporting.selectors import contract_trend_with_facts
from haven.reporting.selectors_equality import baseline_figures
from haven.reporting.serialise import return_json


@dataclass(frozen=True)
class ReturnWithAnalyses:
    result: ReturnResult
    equality: EqualityAnalysis
    exceptions: int  # data-quality exceptions (missing or implausible values)


def _equality(contract: Contract, facts: Facts, period: Period, now: datetime) -> EqualityAnalysis:
    profile = profile_of(contract)
    baselines = baseline_figures(list(profile.area))
    return analysis_for(profile, facts, period, now, baselines, name=contract.name)


@gc_paused
def contract_return_with_analyses(
    contract: Contract, period: Period, *, now: datetime | None = None
) -> ReturnWithAnalyses:
    """The return, its equality analysis and its data-quality exception count, all counted from
    the same records (one load of the facts, one query for the baselines)."""
    now = now or timezone.now()
    profile = profile_of(contract)
    facts = load_facts(contract, period.start, period.end)
    report = quality_report(facts, period, profile.measures, timezone.localdate(now))
    return ReturnWithAnalyses(
        result=figures_for(profile, facts, period, now, name=contract.name),
        equality=_equality(contract, facts, period, now),
        exceptions=report.exception_count,
    )


@gc_paused
def contract_trend_with_equality(
    contract: Contract, period: Period, *, now: datetime | None = None
) -> tuple[list[ReturnResult], EqualityAnalysis]:
    """The trend of eight periods (the PDF's charts) and the last period's equality analysis,
    from the facts the trend loaded (they cover the period)."""
    now = now or timezone.now()
    trend, facts = contract_trend_with_facts(contract, period, now=now)
    return trend, _equality(contract, facts, period, now)


@gc_paused
def contract_return_export(
    contract: Contract, period: Period, fmt: str
) -> tuple[dict[str, Any], dict[str, Markup]]:
    """The return's downloads (`exports.render`): `serialise.return_json` with the equality
    analysis under "equality" (docs/returns.md), and for a PDF each measure's trend chart."""
    charts: dict[str, Markup] = {}
    if fmt == "pdf":  # the charts need the last eight periods; one load of the facts
        trend, equality = contract_trend_with_equality(contract, period)
        result, charts = trend[-1], trend_charts(trend)
    else:
        seen = contract_return_with_analyses(contract, period)
        result, equality = seen.result, seen.equality
    data = return_json(result, contract.profile)
    data["equality"] = equality_json(equality)  # the CSV stays measures-only
    return data, charts
