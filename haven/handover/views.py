"""The handover log: exports and imports that ran (for the data protection officer and the
service manager; the bundles themselves are made at the command line)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.handover.selectors import handover_runs_for


@audits_reads
@login_required
def runs(request: HttpRequest) -> HttpResponse:
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not request.user.has_perm("handover.view_runs"):
        raise PermissionDenied
    shown = list(handover_runs_for(request.user)[:200])
    response = render_page(request, "handover/runs.html", {"runs": shown})
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="handover.handoverrun",
            shown=[run.pk for run in shown],
            page="handover exports and imports",
        )
    return response
