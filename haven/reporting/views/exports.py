"""A return as a file: JSON, CSV, XLSX or PDF (with the trend charts), with its equality analysis
(issue 10 s4; not in the CSV). Audited as an export; the file name has the contract and the
period only; never cached."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse

from haven.core.read_audit import audits_reads
from haven.reporting.exports import FORMATS, render
from haven.reporting.selectors_return import contract_return_export
from haven.reporting.services_reads import return_export_record
from haven.reporting.views.access import reporting_on


@audits_reads
@login_required
@permission_required("reporting.view_returns", raise_exception=True)
def download(request: HttpRequest, slug: str, period: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such format")
    seen = reporting_on(request, slug, period)
    data, charts = contract_return_export(seen.contract, seen.period, fmt)
    content = render(data, fmt, charts)
    return_export_record(
        user=request.user, contract=seen.contract, period=seen.period.code, fmt=fmt
    )
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(content, content_type=content_type)
    name = f"{seen.contract.slug}-{seen.period.code.replace('..', '-to-')}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
