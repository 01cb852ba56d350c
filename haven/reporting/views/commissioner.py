"""Commissioners' pages: their contracts' submitted returns, suppressed, with no drill-down.

Never a draft or a version only signed off; never a name or reference code (the figures hold
none); counts of 1-4 and figures that would reveal them suppressed (`suppression.py`).
"""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from haven.accounts.signed_in import staff_user
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads
from haven.reporting.exports import FORMATS
from haven.reporting.exports import render as render_export
from haven.reporting.models import ReturnSnapshot
from haven.reporting.snapshots import (
    frozen_figures,
    newer_submitted_version,
    submitted_return_for,
    submitted_returns_for,
)
from haven.reporting.suppression import suppress_return

DOWNLOADS = ("json", "csv", "xlsx", "pdf")  # every one from the suppressed copy


def _may_view(request: HttpRequest) -> None:
    if not request.user.has_perm("reporting.view_submitted_returns"):
        raise PermissionDenied


def commissioner_copy(snapshot: ReturnSnapshot) -> dict[str, Any]:
    return suppress_return(frozen_figures(snapshot))


@login_required
@audits_reads
def return_list(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    snapshots = submitted_returns_for(request.user)
    audit_list_view(
        user=staff_user(request),
        object_type="reporting.returnsnapshot",
        shown=[s.pk for s in snapshots],
        page="commissioner returns",
    )
    return render(request, "reporting/commissioner/list.html", {"snapshots": snapshots})


@login_required
@audits_reads
def return_detail(request: HttpRequest, snapshot_id: UUID) -> HttpResponse:
    _may_view(request)
    snapshot = submitted_return_for(request.user, snapshot_id)
    figures = commissioner_copy(snapshot)
    audit_event(actor=staff_user(request), action=AuditAction.VIEW, target=snapshot)
    sections: dict[str, list[dict[str, Any]]] = {}
    for measure in figures["measures"]:
        sections.setdefault(measure["section"], []).append(measure)
    return render(
        request,
        "reporting/commissioner/detail.html",
        {
            "snapshot": snapshot,
            "figures": figures,
            "sections": sections,
            "newer_version": newer_submitted_version(snapshot),
            "downloads": DOWNLOADS,
        },
    )


@login_required
@audits_reads
def return_download(request: HttpRequest, snapshot_id: UUID, fmt: str) -> HttpResponse:
    _may_view(request)
    if fmt not in DOWNLOADS:
        raise Http404("No such format")
    snapshot = submitted_return_for(request.user, snapshot_id)
    content = render_export(commissioner_copy(snapshot), fmt)
    audit_event(
        actor=staff_user(request),
        action=AuditAction.EXPORT,
        target=snapshot,
        changes={"format": fmt, "sha256": hashlib.sha256(content).hexdigest()},
    )
    content_type, extension = FORMATS[fmt]
    response = HttpResponse(content, content_type=content_type)
    name = f"{snapshot.contract.slug}-{snapshot.period_code}-v{snapshot.version}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
