"""The returns index (contracts the user reports on, with their quarters) and a contract's return
for a period: every measure under the seed's sections, against target."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from haven.reporting.exports import FORMATS
from haven.reporting.forms import PeriodPickerForm, RangeForm
from haven.reporting.periods import current_period
from haven.reporting.presenters import (
    contract_periods,
    period_nav,
    return_sections,
    target_summary,
    year_start_of,
)
from haven.reporting.presenters_equality import equality_headline
from haven.reporting.selectors import contract_to_report, contracts_to_report
from haven.reporting.selectors_return import contract_return_with_analyses
from haven.reporting.views.access import reporting_on
from haven.reporting.views.equality import percent

PERMISSION = "reporting.view_returns"


@login_required
@permission_required(PERMISSION, raise_exception=True)
def index(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    contracts = [
        (contract, contract_periods(contract.slug, contract.profile or {}, now))
        for contract in contracts_to_report(request.user)
    ]
    return render(request, "reporting/index.html", {"contracts": contracts})


@login_required
@permission_required(PERMISSION, raise_exception=True)
def current(request: HttpRequest, slug: str) -> HttpResponse:
    """The contract's live return: this quarter so far."""
    contract = contract_to_report(request.user, slug=slug)
    year_start = year_start_of(contract.profile or {})
    quarter = current_period(timezone.now(), "quarter", year_start)
    return redirect("reporting:return", contract.slug, quarter.code)


@login_required
@permission_required(PERMISSION, raise_exception=True)
def return_page(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    seen = reporting_on(request, slug, period)
    year_start, now = seen.profile.contract_year_start, timezone.now()
    nav = period_nav(slug, seen.period, year_start, now)
    picker = PeriodPickerForm(
        request.GET if "period" in request.GET else None,
        options=nav.options,
        initial={"period": seen.period.code},  # the period shown, not the first listed
    )
    if picker.is_bound and picker.is_valid():
        return redirect("reporting:return", slug, picker.cleaned_data["period"])
    ranged = RangeForm(request.GET if {"from", "to"} & set(request.GET) else None)
    if ranged.is_bound and ranged.is_valid():
        return redirect("reporting:return", slug, ranged.period().code)
    seen_return = contract_return_with_analyses(seen.contract, seen.period, now=now)
    result = seen_return.result
    context = {
        "contract": seen.contract,
        "result": result,
        "period": seen.period,
        "nav": nav,
        "picker": picker,
        "form": ranged,
        "sections": return_sections(result, seen.contract.profile),
        "targets": target_summary(result),
        "formats": list(FORMATS),
        "equality": equality_headline(seen_return.equality),
        "exceptions": seen_return.exceptions,
        "percent": percent,
    }
    return render(request, "reporting/return.html", context)
