"""The police workbook page: runs with their counts, new referrals, a run's issues, and upload."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.casework.presenters import HELPERS
from haven.core.read_audit import audit_list_view, audits_reads
from haven.referrals.selectors import intake_team_for
from haven.workbook.forms import KINDS, UploadForm
from haven.workbook.models import RunStatus
from haven.workbook.selectors import (
    imported_in,
    pending_reviews_for,
    recent_imports_for,
    run_for_user,
    runs_visible_to,
    workbook_contract_choices,
)
from haven.workbook.services import workbook_import

PAGE_SIZE = 25


@login_required
@permission_required("workbook.import_incidents", raise_exception=True)
@audits_reads
def run_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(runs_visible_to(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    imports = list(recent_imports_for(request.user))
    _audit_imports(request, imports, "workbook:recent_imports")
    context = {
        **HELPERS,
        "page": page,
        "imports": imports,
        "pending_reviews": pending_reviews_for(request.user).count(),
    }
    return render(request, "workbook/run_list.html", context)


@login_required
@permission_required("workbook.import_incidents", raise_exception=True)
@audits_reads
def run_detail(request: HttpRequest, run_id: Any) -> HttpResponse:
    run = run_for_user(request.user, run_id)
    imports = list(imported_in(request.user, run))
    _audit_imports(request, imports, f"workbook:run:{run.pk}")
    context = {**HELPERS, "run": run, "imports": imports}
    return render(request, "workbook/run_detail.html", context)


def _audit_imports(request: HttpRequest, imports: list[Any], page: str) -> None:
    """The imported referrals are listed by the people's reference codes."""
    audit_list_view(
        user=request.user,
        object_type="referrals.referral",
        shown=[imported.referral.pk for imported in imports],
        page=page,
    )


@login_required
@permission_required("workbook.import_incidents", raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    contracts = workbook_contract_choices(request.user)
    post = request.method == "POST"
    form = UploadForm(
        request.POST if post else None, request.FILES if post else None, contracts=contracts
    )
    if post and form.is_valid():
        contract = form.cleaned_data["contract"]
        export = form.cleaned_data["export"]
        suffix = next(s for s in KINDS if str(export.name).lower().endswith(s))
        # processed now, then the temporary copy is deleted: the export itself is never kept
        with tempfile.TemporaryDirectory(prefix="haven-upload-") as folder:
            path = Path(folder) / f"export{suffix}"
            with path.open("wb") as handle:
                for chunk in export.chunks():
                    handle.write(chunk)
            run = workbook_import(
                path=path,
                contract=contract,
                imported_by=staff_user(request),
                file_name=str(export.name),
                identity=form.cleaned_data["identity"],
                team=intake_team_for(staff_user(request), contract),
            )
        if run.status == RunStatus.FAILED:
            messages.error(request, "The export could not be imported; nothing was imported")
        else:
            messages.success(request, "Export imported")
        return redirect("workbook:run_detail", run.pk)
    return render(request, "workbook/upload.html", {"form": form})
