"""A case's risk history: a small step chart beside a table of the same figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.risk.chart import ChartPoint, risk_history_svg
from haven.risk.presenters import HELPERS
from haven.risk.selectors import risk_history_for_case, risk_settings_for


@with_case()
def risk_history(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    assessments = list(risk_history_for_case(request.user, case))
    limits = risk_settings_for(case.contract).thresholds
    points = [
        ChartPoint(timezone.localtime(a.completed_at).date(), a.score, a.level) for a in assessments
    ]
    context = {
        **HELPERS,
        "case": case,
        "assessments": assessments,
        "chart": risk_history_svg(points, high=limits.high, medium=limits.medium),
        "thresholds": limits,
        "can_complete": request.user.has_perm("risk.complete_assessment", case),
    }
    return render(request, "risk/history.html", context)
