"""The audit trail: a filterable list, a page per record, and a CSV export for auditors.

The trail holds personal data (the values of changes), so reading it is itself audited, and a
restricted record's values are hidden from staff not named on it (``audit_presenters``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from itertools import islice
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from haven.core.audit_presenters import audit_rows
from haven.core.auditor import audit_event
from haven.core.models import AuditAction, AuditEvent
from haven.core.read_audit import audits_reads
from haven.core.selectors import audit_events_filtered, audit_events_for_record
from haven.core.spreadsheet_cells import neutralise
from haven.govuk.forms import GovukDateField, GovukForm, GovukSelectField, GovukTextField

PAGE_SIZE = 50
EXPORT_CHUNK = 500
TRAIL = "core.auditevent"


class AuditFilterForm(GovukForm):
    action = GovukSelectField(
        label="Action", choices=[("", "Any action"), *AuditAction.choices], required=False
    )
    object_type = GovukTextField(
        label="Record type",
        hint="For example casework.case or people.person",
        required=False,
        max_length=100,
    )
    # an email address is at most 254 characters; a longer filter is a typing slip (and a
    # 64 KB one made SQLite's LIKE fail: "pattern too complex", a 500)
    actor_email = GovukTextField(label="Staff email address", required=False, max_length=254)
    date_from = GovukDateField(label="From", required=False)
    date_to = GovukDateField(label="To", required=False)

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The filters given (none when the form is empty or has errors)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


def _described(filters: dict[str, Any]) -> dict[str, str]:
    return {k: v.isoformat() if isinstance(v, date) else str(v) for k, v in filters.items()}


def _audit_trail_read(request: HttpRequest, action: str, **changes: Any) -> None:
    audit_event(actor=request.user, action=action, object_type=TRAIL, changes=changes)


@login_required
@audits_reads
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    events = audit_events_filtered(request.user, **filters)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = audit_rows(request.user, page.object_list)
    _audit_trail_read(request, AuditAction.VIEW, page="audit trail", filters=_described(filters))
    return render(
        request,
        "core/audit_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "query_without_page": _query_without_page(request),
            "can_export": request.user.has_perm("core.export_audit"),
            "export_query": _query_without_page(request).rstrip("&"),
        },
    )


@login_required
@audits_reads
def audit_record(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    events = audit_events_for_record(request.user, object_type=object_type, object_id=object_id)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = audit_rows(request.user, page.object_list)
    # the record's own trail was read: audited against the record itself
    audit_event(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type=object_type[:100],
        object_id=object_id[:64],
        changes={"page": "audit of the record"},
    )
    record = next((row.record for row in rows if row.event.object_id == object_id), "")
    return render(
        request,
        "core/audit_record.html",
        {
            "page": page,
            "rows": rows,
            "record": record or object_type,
            "object_type": object_type,
            "object_id": object_id,
            "query_without_page": "",
        },
    )


EXPORT_COLUMNS = [
    "When",
    "Who",
    "Action",
    "Record type",
    "Record",
    "Record id",
    "Details",
    "Reason",
]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(user: Any, events: Iterator[AuditEvent]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(EXPORT_COLUMNS)
    while chunk := list(islice(events, EXPORT_CHUNK)):
        for row in audit_rows(user, chunk):
            event = row.event
            cells = [
                timezone.localtime(event.occurred_at).isoformat(timespec="seconds"),
                row.who,
                row.action,
                event.object_type,
                row.record,
                event.object_id,
                "; ".join(row.details),
                row.reason,
            ]
            yield writer.writerow([neutralise(cell) for cell in cells])


@login_required
@permission_required("core.export_audit", raise_exception=True)
@audits_reads
def audit_export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The filtered trail as CSV (the same filters as the list); the export is audited first."""
    form = AuditFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return audit_list(request)  # the list shows the filter errors
    filters = form.filters()
    events = audit_events_filtered(request.user, **filters)
    _audit_trail_read(
        request, AuditAction.EXPORT, format="CSV", rows=events.count(), filters=_described(filters)
    )
    response = StreamingHttpResponse(
        _csv_lines(request.user, events.iterator(chunk_size=EXPORT_CHUNK)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
    return response


def _query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string prefix, so pagination keeps them."""
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""
