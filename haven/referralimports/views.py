"""Referral imports: the runs, one run's every row, its error report, and the upload."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.casework.presenters import HELPERS
from haven.core.exports import export_response
from haven.core.read_audit import audit_list_view, audits_reads
from haven.referralimports.forms import KINDS, UploadForm
from haven.referralimports.mappings import mapping_for, shipped_mappings
from haven.referralimports.models import RowOutcome, RunStatus
from haven.referralimports.selectors import (
    import_contracts_for,
    rows_of,
    run_for_user,
    runs_visible_to,
    source_choices_for,
)
from haven.referralimports.services import referrals_import_file
from haven.referrals.selectors import intake_team_for

PAGE_SIZE = 25
PERMISSION = "referralimports.import_referrals"


@login_required
@permission_required(PERMISSION, raise_exception=True)
def run_list(request: HttpRequest) -> HttpResponse:
    """Runs with their counts: no one's details (the rows are on run_detail)."""
    page = Paginator(runs_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    labels = {source: mapping.label for source, mapping in shipped_mappings().items()}
    context = {**HELPERS, "page": page, "labels": labels}
    return render(request, "referralimports/run_list.html", context)


@login_required
@permission_required(PERMISSION, raise_exception=True)
@audits_reads
def run_detail(request: HttpRequest, import_run_id: Any) -> HttpResponse:
    run = run_for_user(request.user, import_run_id)
    rows = list(rows_of(request.user, run))
    audit_list_view(
        user=request.user,
        object_type="referrals.referral",
        shown=[row.referral_id for row in rows if row.referral_id],
        page=f"referralimports:run:{run.pk}",
    )
    label = shipped_mappings().get(run.source)
    context = {
        **HELPERS,
        "run": run,
        "rows": rows,
        "label": label.label if label else run.source,
        "problem_rows": [row for row in rows if row.problems],
        "Outcome": RowOutcome,
    }
    return render(request, "referralimports/run_detail.html", context)


@login_required
@permission_required(PERMISSION, raise_exception=True)
def error_report(request: HttpRequest, import_run_id: Any) -> HttpResponse:
    """Row, source id, column and reason of every problem: no names or other details."""
    run = run_for_user(request.user, import_run_id)
    lines: list[list[object]] = [
        ["", "", problem.get("column", ""), problem.get("reason", ""), "File refused"]
        for problem in run.file_problems
    ]
    for row in run.rows.exclude(problems=[]).order_by("row_number"):
        outcome = row.get_outcome_display()
        for problem in row.problems:
            lines.append(
                [row.row_number, row.source_id, problem["column"], problem["reason"], outcome]
            )
    return export_response(
        name=f"referral-import-errors-{str(run.pk)[:8]}",
        fmt="csv",
        columns=["Row", "Source id", "Column", "Problem", "Outcome"],
        rows=lines,
    )


@login_required
@permission_required(PERMISSION, raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    choices = source_choices_for(request.user)
    post = request.method == "POST"
    form = UploadForm(
        request.POST if post else None, request.FILES if post else None, choices=choices
    )
    if post and form.is_valid():
        contract_id, source = form.cleaned_data["route"].split(":", 1)
        contract = next(
            (c for c in import_contracts_for(request.user) if str(c.pk) == contract_id), None
        )
        if contract is None:
            raise Http404("No such service")
        upload = form.cleaned_data["upload"]
        suffix = next(s for s in KINDS if str(upload.name).lower().endswith(s))
        # read now, then the temporary copy is deleted: the file itself is never kept
        with tempfile.TemporaryDirectory(prefix="haven-referrals-") as folder:
            path = Path(folder) / f"referrals{suffix}"
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            run = referrals_import_file(
                path=path,
                contract=contract,
                mapping=mapping_for(source),
                imported_by=staff_user(request),
                file_name=str(upload.name),
                team=intake_team_for(staff_user(request), contract),
            )
        if run.status == RunStatus.REFUSED:
            messages.error(request, "The file was refused; nothing was imported")
        elif run.status == RunStatus.SOME_REFUSED:
            messages.warning(request, "File imported; some rows were refused")
        else:
            messages.success(request, "File imported")
        return redirect("referralimports:run_detail", run.pk)
    return render(request, "referralimports/upload.html", {"form": form})
