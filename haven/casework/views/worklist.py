"""My worklist and team worklists: tasks by due time, overdue first; HTMX refresh keeps filters."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse

from haven.casework.forms.worklist import WorklistFilterForm
from haven.casework.selectors import WORKLIST_SCOPES, worklist_for
from haven.casework.views.rendering import render_page
from haven.contracts.selectors import contracts_visible_to
from haven.core.read_audit import audit_list_view, audits_reads

TITLES = {"mine": "My worklist", "team": "Team worklist", "all": "All cases’ deadlines"}


@login_required
@permission_required("casework.view_cases", raise_exception=True)
@audits_reads
def worklist(request: HttpRequest, scope: str = "mine") -> HttpResponse:
    scope = scope if scope in WORKLIST_SCOPES else "mine"
    contracts = [(str(c.pk), c.name) for c in contracts_visible_to(request.user)]
    form = WorklistFilterForm(request.GET or None, contracts=contracts)
    result = worklist_for(
        request.user, scope=scope, filters=form.filters(), page=request.GET.get("page", 1)
    )
    # names are shown: which cases each page showed is audited (each refresh too)
    audit_list_view(
        user=request.user,
        object_type="casework.case",
        shown=dict.fromkeys(task.case_id for task in result.page),
        page=f"worklist:{scope}",
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "worklist": result,
        "title": TITLES[scope],
        "scope": scope,
        "query_without_page": f"{query.urlencode()}&" if query else "",
    }
    template = (
        "casework/_worklist_table.html"
        if getattr(request, "htmx", False)
        else "casework/worklist.html"
    )
    return render_page(request, template, context)
