"""Reads for the equality analysis: the contract's analysis for a period, and the population
baselines (public figures, no one's data)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.equality import BaselineFigure, EqualityAnalysis, analysis_for
from haven.reporting.loaders import gc_paused, load_facts
from haven.reporting.models import EqualityBaseline
from haven.reporting.periods import Period


def baseline_figures(areas: list[str]) -> list[BaselineFigure]:
    return [
        BaselineFigure(
            b.area,
            b.characteristic,
            b.category,
            float(b.share),
            b.population,
            b.source,
            b.source_url,
            b.as_of_year,
        )
        for b in EqualityBaseline.objects.filter(area__in=areas)
    ]


@gc_paused
def contract_equality(contract: Contract, period: Period) -> EqualityAnalysis:
    profile = profile_of(contract)
    facts = load_facts(contract, period.start, period.end)
    return analysis_for(
        profile,
        facts,
        period,
        timezone.now(),
        baseline_figures(list(profile.area)),
        name=contract.name,
    )


def baseline_list() -> QuerySet[EqualityBaseline]:
    return EqualityBaseline.objects.all()


def baseline_get(baseline_id: Any) -> EqualityBaseline:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(EqualityBaseline, pk=baseline_id)
