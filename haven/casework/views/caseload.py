"""Caseloads (issue 10 s5): a worker's open cases, and the per-worker figures of a team or a
whole service for team leaders and service managers; HTMX refresh keeps filters."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.accounts.staff_profiles import staff_profiles_of
from haven.casework.caseload_selectors import (
    EVERYONE,
    UNALLOCATED,
    caseload_for,
    caseload_overview,
    caseload_workers,
    may_oversee,
)
from haven.casework.forms.caseload import CaseloadFilterForm, OverviewFilterForm
from haven.casework.presenters_allocation import capacity_cells
from haven.casework.selectors_allocation import worker_loads
from haven.casework.views.rendering import render_page
from haven.contracts.selectors import contracts_visible_to
from haven.core.read_audit import audit_list_view, audits_reads


def caseload_filters(request: HttpRequest) -> tuple[CaseloadFilterForm, str, dict[str, str]]:
    """The filter form, the worker asked for ("" for one's own) and the other filters; a
    caseworker asking for anyone else's caseload is refused."""
    oversees = may_oversee(request.user)
    if not oversees and request.GET.get("worker"):
        raise PermissionDenied
    contracts = [(str(c.pk), c.name) for c in contracts_visible_to(request.user)]
    workers = caseload_workers(request.user) if oversees else None
    form = CaseloadFilterForm(request.GET or None, contracts=contracts, workers=workers)
    filters = form.filters()
    return form, filters.pop("worker", ""), filters


def caseload_title(form: CaseloadFilterForm, worker: str) -> str:
    if not worker:
        return "My caseload"
    if worker == EVERYONE:
        return "Everyone’s caseloads"
    if worker == UNALLOCATED:
        return "Cases not allocated to a worker"
    names = dict(form.fields["worker"].choices)  # type: ignore[attr-defined]
    return f"Caseload: {names.get(worker, 'worker')}"


@login_required
@permission_required("casework.view_caseload", raise_exception=True)
@audits_reads
def caseload(request: HttpRequest) -> HttpResponse:
    form, worker, filters = caseload_filters(request)
    result = caseload_for(
        request.user, worker=worker, filters=filters, page=request.GET.get("page", 1)
    )
    # names are shown: which cases each page showed is audited (each refresh too)
    audit_list_view(
        user=request.user,
        object_type="casework.case",
        shown=[case.pk for case in result.page],
        page=f"caseload:{worker or 'mine'}",
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "caseload": result,
        "title": caseload_title(form, worker),
        "oversees": may_oversee(request.user),
        "may_export": not worker or request.user.has_perm("casework.export_lists"),
        "query": query.urlencode(),
        "query_without_page": f"{query.urlencode()}&" if query else "",
    }
    template = (
        "casework/_caseload_table.html"
        if getattr(request, "htmx", False)
        else "casework/caseload.html"
    )
    return render_page(request, template, context)


@login_required
@permission_required("casework.oversee_caseloads", raise_exception=True)
def caseloads(request: HttpRequest) -> HttpResponse:
    """Per-worker figures of the teams the user oversees (no person's data: not read-audited,
    core/tests/test_read_audit.py EXEMPT); each worker links to their caseload."""
    form = OverviewFilterForm(request.GET or None)
    teams = caseload_overview(request.user, overdue_only=form.overdue_only())
    workers = {row.worker.pk for group in teams for row in group.workers if row.worker}
    capacity = capacity_cells(staff_profiles_of(workers), worker_loads(workers))
    return render_page(
        request,
        "casework/caseloads.html",
        {
            "form": form,
            "teams": teams,
            "unallocated": UNALLOCATED,
            "everyone": EVERYONE,
            "capacity": capacity,
        },
    )
