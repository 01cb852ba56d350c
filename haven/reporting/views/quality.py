"""Data quality of a contract's return (issue 10 s3; seed 004 s11.1 "100% complete quarterly
data with an exceptions report and remedial plan"): completeness per field and record type,
implausible values, the records behind each (re-scoped to the viewer) and an action that sets a
task on each case for its allocated worker."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.services.tasks import DataQualityTaskError, task_create_data_quality
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.contracts.selectors import contract_for_user
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads
from haven.reporting.forms_equality import AssignForm
from haven.reporting.periods import Period, PeriodError, parse_period
from haven.reporting.quality import RECORD_KIND, RECORD_TYPES, QualityReport
from haven.reporting.selectors_quality import assignable_cases, contract_quality, exception_rows

TASK_DUE_IN = timedelta(days=7)
ROWS_SHOWN = 1000  # the page lists at most these; "assign every record" covers them all
OBJECT_TYPES = {"referral": "referrals.referral", "case": "casework.case"}


def contract_and_period(
    request: HttpRequest, slug: str, code: str, perm: str
) -> tuple[Contract, Period]:
    """The contract (404 unless the user may see it), the permission (403), the period (404
    when it cannot be read)."""
    contract = contract_for_user(request.user, slug=slug)
    if not request.user.has_perm(perm, contract):
        raise PermissionDenied
    try:
        period = parse_period(code, profile_of(contract).contract_year_start)
    except (PeriodError, ValueError):
        raise Http404("No such period") from None
    return contract, period


class Item:
    """What a drill-down lists: the records missing a field, or those with an implausible value."""

    def __init__(self, report: QualityReport, item: str) -> None:
        self.key = item
        if item.startswith("implausible."):
            check = report.check(item.removeprefix("implausible."))
            if check is None:
                raise Http404("No such check")
            self.label, self.record_type, self.ids = check.label, check.record_type, check.ids
            self.task_key, self.task_label = check.key, check.label
            self.implausible, self.share = True, None
        else:
            found = report.field(item)
            if found is None:
                raise Http404("No such field")
            self.label, self.record_type, self.ids = found.label, found.record_type, found.missing
            self.task_key, self.task_label = found.key, found.label
            self.implausible, self.share = False, found.share
        self.record_type_label = RECORD_TYPES[self.record_type]
        self.kind = RECORD_KIND[self.record_type]


@login_required
@require_GET
@audits_reads
def data_quality(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    contract, the_period = contract_and_period(request, slug, period, "reporting.view_data_quality")
    report = contract_quality(contract, the_period)
    audit_event(
        actor=request.user,
        action=AuditAction.VIEW,
        target=contract,
        changes={"page": "data_quality", "period": the_period.code},
    )
    return render(
        request,
        "reporting/quality/report.html",
        {
            "contract": contract,
            "period": the_period,
            "report": report,
            "percent": percent,
            "record_types": RECORD_TYPES,
        },
    )


@login_required
@require_GET
@audits_reads
def records(request: HttpRequest, slug: str, period: str, item: str) -> HttpResponse:
    contract, the_period = contract_and_period(request, slug, period, "reporting.view_data_quality")
    report = contract_quality(contract, the_period)
    what = Item(report, item)
    shown_ids = what.ids[:ROWS_SHOWN]
    rows = exception_rows(request.user, report, what.record_type, shown_ids, what.task_key)
    audit_list_view(
        user=request.user,
        object_type=OBJECT_TYPES[what.kind],
        shown=[row.record_id for row in rows if not row.restricted],
        page=f"data_quality:{the_period.code}:{item}",
    )
    return render(
        request,
        "reporting/quality/records.html",
        {
            "contract": contract,
            "period": the_period,
            "item": what,
            "rows": rows,
            "total": len(what.ids),
            "may_assign": request.user.has_perm("reporting.assign_data_quality", contract),
            "any_assignable": any(row.assignable for row in rows),
            "percent": percent,
        },
    )


@login_required
@require_POST
def assign(request: HttpRequest, slug: str, period: str, item: str) -> HttpResponse:
    """Set a data-quality task on one case (or every case of the list) for its allocated worker;
    a case that already has one open for the field keeps it."""
    contract, the_period = contract_and_period(
        request, slug, period, "reporting.assign_data_quality"
    )
    report = contract_quality(contract, the_period)
    what = Item(report, item)
    back = redirect("quality:records", slug=contract.slug, period=the_period.code, item=item)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a case to assign")
        return back
    wanted = _case_ids(report, what)
    if form.cleaned_data["case"] != "all":
        if form.cleaned_data["case"] not in {str(i) for i in wanted}:
            raise Http404("The case is not in this list")
        wanted = [i for i in wanted if str(i) == form.cleaned_data["case"]]
    created = kept = 0
    due_at = timezone.now() + TASK_DUE_IN
    for case in assignable_cases(request.user, wanted):
        try:
            _, new = task_create_data_quality(
                case=case,
                field_key=what.task_key,
                field_label=what.task_label,
                created_by=staff_user(request),
                due_at=due_at,
            )
        except DataQualityTaskError:
            continue
        created, kept = created + new, kept + (not new)
    messages.success(request, _assigned_message(created, kept))
    return back


def _case_ids(report: QualityReport, what: Item) -> list[Any]:
    ids = []
    for record_id in what.ids:
        record = report.record(what.record_type, record_id)
        if record is not None and record.case is not None:
            ids.append(record.case.id)
    return list(dict.fromkeys(ids))


def _assigned_message(created: int, kept: int) -> str:
    parts = [f"{created} task{'s' if created != 1 else ''} set for the allocated workers"]
    if kept:
        parts.append(f"{kept} case{'s' if kept != 1 else ''} already had one open")
    return "; ".join(parts)


def percent(value: float | None) -> str:
    return "No records" if value is None else f"{value * 100:.1f}%"
