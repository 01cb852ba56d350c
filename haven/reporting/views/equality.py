"""Equality analysis of a contract's return (issue 10 s4; seed 004 s11.1; seed 001 s14), and
the population baselines it compares with, kept by service managers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from haven.accounts.signed_in import staff_user
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audits_reads
from haven.reporting.equality import EqualityAnalysis
from haven.reporting.forms_equality import BaselineForm
from haven.reporting.models_equality import CHARACTERISTICS
from haven.reporting.selectors_equality import baseline_get, baseline_list, contract_equality
from haven.reporting.services_equality import baseline_save
from haven.reporting.views.quality import contract_and_period


def percent(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return ""
    points = value * 100
    return f"{points:+.1f}" if signed else f"{points:.1f}%"


@login_required
@require_GET
@audits_reads
def equality(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    contract, the_period = contract_and_period(request, slug, period, "reporting.view_equality")
    analysis: EqualityAnalysis = contract_equality(contract, the_period)
    audit_event(
        actor=request.user,
        action=AuditAction.VIEW,
        target=contract,
        changes={"page": "equality", "period": the_period.code},
    )
    return render(
        request,
        "reporting/equality/analysis.html",
        {"contract": contract, "period": the_period, "analysis": analysis, "percent": percent},
    )


@login_required
@permission_required("reporting.view_baselines", raise_exception=True)
def baselines(request: HttpRequest) -> HttpResponse:
    """Every baseline figure by area; service managers add one (or change the figure for the
    same area, category and year) with the form below the list."""
    may_change = request.user.has_perm("reporting.change_baselines")
    form = BaselineForm(request.POST or None, initial={"as_of_year": 2021})
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if _saved(request, form):
            messages.success(request, "Baseline figure saved")
            return redirect("quality:baselines")
    return render(
        request,
        "reporting/equality/baselines.html",
        {
            "groups": _by_area(baseline_list()),
            "form": form,
            "may_change": may_change,
            "characteristics": dict(CHARACTERISTICS),
        },
    )


@login_required
@permission_required("reporting.change_baselines", raise_exception=True)
def baseline_edit(request: HttpRequest, baseline_id: Any) -> HttpResponse:
    baseline = baseline_get(baseline_id)
    form = BaselineForm(request.POST or None, initial=BaselineForm.initial_for(baseline))
    if request.method == "POST" and _saved(request, form, baseline):
        messages.success(request, "Baseline figure saved")
        return redirect("quality:baselines")
    return render(
        request, "reporting/equality/baseline_edit.html", {"form": form, "baseline": baseline}
    )


def _saved(request: HttpRequest, form: BaselineForm, baseline: Any = None) -> bool:
    if not form.is_valid():
        return False
    try:
        baseline_save(**form.service_values(), saved_by=staff_user(request), baseline=baseline)
    except ValidationError as problems:
        form.add_problems(problems)
        return False
    return True


def _by_area(rows: Any) -> list[tuple[str, list[Any]]]:
    groups: dict[str, list[Any]] = {}
    for row in rows:
        groups.setdefault(row.area, []).append(row)
    return list(groups.items())
