"""The refuge rooms availability board (issue 13 item 1): every room of the viewer's services,
free, occupied or void today. Team leaders and service managers fill rooms from it; caseworkers
read it. An occupant shows as a case reference only to those who may open that case."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.refuge.selectors import board_for_user


@audits_reads
@login_required
def board(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("refuge.view_board"):
        raise PermissionDenied
    rows = board_for_user(request.user)
    counts = {"free": 0, "occupied": 0, "void": 0}
    for _, property_rows in rows:
        for row in property_rows:
            counts[row.state] += 1
    response = render_page(
        request,
        "refuge/board.html",
        {
            "board": rows,
            "counts": counts,
            "today": timezone.localdate(),
            "may_manage": request.user.has_perm("refuge.manage_properties"),
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="casework.case",
            shown=[row.case_id for _, rs in rows for row in rs if row.case_id],
            page="refuge rooms board",
        )
    return response
