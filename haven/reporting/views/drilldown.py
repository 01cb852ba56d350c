"""A figure's page: its trend over the last eight periods (chart beside a table) and the records
behind it, paginated. Records the viewer may not open show as "Restricted record" and are still
counted (ADR 0010). Never names. Audited."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from haven.core.read_audit import audits_reads
from haven.reporting.chart import trend_svg
from haven.reporting.forms import DrilldownForm
from haven.reporting.presenters import locate, measure_row, measure_trend
from haven.reporting.selectors import contract_trend_with_facts, records_for_viewer
from haven.reporting.services_reads import return_drilldown_record
from haven.reporting.views.access import reporting_on

PER_PAGE = 50


@audits_reads
@login_required
@permission_required("reporting.view_returns", raise_exception=True)
def measure_page(request: HttpRequest, slug: str, period: str, measure: str) -> HttpResponse:
    seen = reporting_on(request, slug, period)
    trend, facts = contract_trend_with_facts(seen.contract, seen.period)
    result = trend[-1].measure(measure)
    if result is None or result.figure is None:
        raise Http404("No such figure")
    form = DrilldownForm(request.GET, measure=result)
    if not form.is_valid():
        raise Http404("No such part of the figure")
    kind = result.figure.kind
    page = Paginator(form.cleaned_data["ids"], PER_PAGE).get_page(request.GET.get("page"))
    located = locate(facts, kind, page.object_list)
    rows = records_for_viewer(request.user, kind, located)
    points = measure_trend(trend, measure)
    row = measure_row(
        result, slug=slug, period_code=seen.period.code, profile=seen.contract.profile
    )
    query = {
        key: form.cleaned_data[key]
        for key in ("breakdown", "cell", "part")
        if form.cleaned_data[key]
    }
    return_drilldown_record(
        user=request.user,
        contract=seen.contract,
        period=seen.period.code,
        measure=measure,
        query=query,
        shown=[item.record_id for item in located],
    )
    context = {
        "contract": seen.contract,
        "period": seen.period,
        "measure": row,
        "result": result,
        "part": form.cleaned_data["part"],
        "cell_label": form.cleaned_data["cell_label"],
        "query": query,
        "page": page,
        "rows": rows,
        "points": points,
        "chart": trend_svg(
            points,
            title=f"{result.spec.label}: the last {len(points)} periods",
            unit=result.spec.unit,
            target=result.spec.target,
        ),
    }
    return render(request, "reporting/measure.html", context)
