"""The Unallocated queue (issue 13 item 13): a team's cases with no worker, oldest first."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse

from haven.casework.caseload_selectors import may_oversee
from haven.casework.selectors_unallocated import unallocated_page
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads


@login_required
@permission_required("casework.view_caseload", raise_exception=True)
@audits_reads
def unallocated(request: HttpRequest) -> HttpResponse:
    page = unallocated_page(request.user, request.GET.get("page", 1))
    audit_list_view(
        user=request.user,
        object_type="casework.case",
        shown=[case.pk for case in page],
        page="unallocated",
    )
    context = {"page": page, "oversees": may_oversee(request.user)}
    return render_page(request, "casework/unallocated.html", context)
