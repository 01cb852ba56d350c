"""Worklists and caseloads as CSV or XLSX (issue 10 s5), for those allowed, each audited.

A file carries no more than its page shows, and less: the person's reference code, never
their name (a download leaves Haven). Team leaders and service managers export any list they
can see; caseworkers their own caseload.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.casework.caseload_selectors import caseload_cases
from haven.casework.forms.worklist import WorklistFilterForm
from haven.casework.models import Case, Task
from haven.casework.selectors import WORKLIST_SCOPES, worklist_tasks
from haven.casework.views.caseload import caseload_filters
from haven.contracts.selectors import contracts_visible_to
from haven.core.exports import export_format, export_response
from haven.core.formatting import when
from haven.core.read_audit import audit_list_export, audits_reads

CASELOAD_COLUMNS = (
    "Reference",
    "Contract",
    "Restricted",
    "Risk",
    "State",
    "Last contact",
    "Next deadline",
    "Next deadline due",
    "Worker",
    "Team",
)
WORKLIST_COLUMNS = ("Due", "Duty", "Reference", "Contract", "Restricted", "Risk", "State", "Worker")


def _risk(case: Case) -> str:
    return case.get_risk_level_display() if case.risk_level else "Not assessed"


def _worker(case: Case) -> str:
    return case.allocated_to.get_full_name() if case.allocated_to else "Not allocated"


def _caseload_rows(cases: list[Case]) -> Iterator[Sequence[object]]:
    for case in cases:
        last_contact = getattr(case, "last_contact_at", None)
        next_due = getattr(case, "next_due_at", None)
        yield (
            case.person.reference_code,
            case.contract.name,
            "Yes" if case.is_restricted else "No",
            _risk(case),
            case.get_state_display(),
            when(last_contact) if last_contact else "None recorded",
            getattr(case, "next_due_label", None) or "No open deadline",
            when(next_due) if next_due else "",
            _worker(case),
            case.team.name if case.team else "",
        )


def _worklist_rows(tasks: list[Task]) -> Iterator[Sequence[object]]:
    for task in tasks:
        case = task.case
        yield (
            when(task.due_at),
            task.label,
            case.person.reference_code,
            case.contract.name,
            "Yes" if case.is_restricted else "No",
            _risk(case),
            case.get_state_display(),
            _worker(case),
        )


@login_required
@permission_required("casework.view_caseload", raise_exception=True)
@audits_reads
def caseload_export(request: HttpRequest) -> HttpResponse:
    """The caseload the page shows (same worker and filters), every page of it."""
    fmt = export_format(request.GET.get("format"))
    _form, worker, filters = caseload_filters(request)
    if worker and not request.user.has_perm("casework.export_lists"):
        raise PermissionDenied
    cases = list(caseload_cases(request.user, worker=worker, filters=filters))
    audit_list_export(
        user=request.user,
        object_type="casework.case",
        exported=[case.pk for case in cases],
        page=f"caseload:{worker or 'mine'}",
        fmt=fmt,
        filters=filters,
    )
    return export_response(
        name="caseload", fmt=fmt, columns=CASELOAD_COLUMNS, rows=_caseload_rows(cases)
    )


@login_required
@permission_required("casework.export_lists", raise_exception=True)
@audits_reads
def worklist_export(request: HttpRequest) -> HttpResponse:
    """A worklist (mine, team or all, with its filters): every outstanding deadline in it."""
    fmt = export_format(request.GET.get("format"))
    scope = request.GET.get("scope", "mine")
    scope = scope if scope in WORKLIST_SCOPES else "mine"
    contracts = [(str(c.pk), c.name) for c in contracts_visible_to(request.user)]
    form = WorklistFilterForm(request.GET or None, contracts=contracts)
    filters = form.filters()
    tasks = list(worklist_tasks(request.user, scope=scope, filters=filters))
    audit_list_export(
        user=request.user,
        object_type="casework.task",
        exported=[task.pk for task in tasks],
        page=f"worklist:{scope}",
        fmt=fmt,
        filters=filters,
    )
    return export_response(
        name=f"worklist-{scope}", fmt=fmt, columns=WORKLIST_COLUMNS, rows=_worklist_rows(tasks)
    )
