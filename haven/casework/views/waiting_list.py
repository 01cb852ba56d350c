"""The waiting list page per contract (issue 13; seed 003 s7, s13): team leaders and service
managers of the provider, and its caseworkers (read-only; the page has no actions)."""

from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse

from haven.casework.selectors_waiting import (
    waiting_list_contract_for,
    waiting_list_contracts,
    waiting_list_for,
)
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads


@login_required
@permission_required("casework.view_waiting_list", raise_exception=True)
def waiting_lists(request: HttpRequest) -> HttpResponse:
    """The contracts of the user's provider that run a waiting list."""
    contracts = waiting_list_contracts(request.user)
    return render_page(request, "casework/waiting_lists.html", {"contracts": contracts})


@login_required
@permission_required("casework.view_waiting_list", raise_exception=True)
@audits_reads
def waiting_list(request: HttpRequest, contract_id: UUID) -> HttpResponse:
    """One contract's waiting list in order, each place explained (its open cases are audited
    as read)."""
    contract = waiting_list_contract_for(request.user, contract_id)
    listing = waiting_list_for(request.user, contract)
    audit_list_view(
        user=request.user,
        object_type="casework.case",
        shown=[row.case.pk for row in listing.rows if row.visible],
        page="casework:waiting_list",
    )
    return render_page(request, "casework/waiting_list.html", {"listing": listing})
