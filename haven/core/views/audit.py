"""The audit trail: a filterable list and a page per record."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.core.models import AuditAction
from haven.core.selectors import audit_events_filtered, audit_events_for_record
from haven.govuk.forms import GovukDateField, GovukForm, GovukSelectField, GovukTextField

PAGE_SIZE = 50


class AuditFilterForm(GovukForm):
    action = GovukSelectField(
        label="Action", choices=[("", "Any action"), *AuditAction.choices], required=False
    )
    object_type = GovukTextField(
        label="Record type", hint="For example contracts.contract", required=False, max_length=100
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


@login_required
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    events = audit_events_filtered(request.user, **{k: v for k, v in filters.items() if v})
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_list.html",
        {"form": form, "page": page, "query_without_page": _query_without_page(request)},
    )


@login_required
def audit_record(request: HttpRequest, object_type: str, object_id: str) -> HttpResponse:
    events = audit_events_for_record(request.user, object_type=object_type, object_id=object_id)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_record.html",
        {
            "page": page,
            "object_type": object_type,
            "object_id": object_id,
            "query_without_page": "",
        },
    )


def _query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string prefix, so pagination keeps them."""
    query = request.GET.copy()
    query.pop("page", None)
    encoded = query.urlencode()
    return f"{encoded}&" if encoded else ""
