"""A case's chronology as a PDF for a domestic homicide review (seed 004 s6.5: "providing on
request chronologies"): every timeline entry in time order with who recorded it. Service managers
only; audited as an export."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.incidents.selectors import chronology_events, incidents_on


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError("the chronology fetches nothing from outside")


def chronology_html(visible: VisibleCase) -> str:
    """The HTML WeasyPrint lays out (tests read the PDF's words here)."""
    case = visible.case
    return render_to_string(
        "incidents/chronology_pdf.html",
        {
            "case": case,
            "events": list(chronology_events(case)),
            "incidents": list(incidents_on(case)),
            "produced_at": timezone.localtime(),
        },
    )


@with_case()
def chronology_pdf(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    if not request.user.has_perm("incidents.export_chronology", visible.case):
        raise PermissionDenied
    from weasyprint import HTML

    pdf = bytes(HTML(string=chronology_html(visible), url_fetcher=_no_fetch).write_pdf())
    audit_event(
        actor=staff_user(request),
        action=AuditAction.EXPORT,
        target=visible.case,
        changes={"export": "chronology", "format": "pdf"},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    # an opaque file name: the reference code, never a name
    code = visible.case.person.reference_code
    response["Content-Disposition"] = f'attachment; filename="chronology-{code}.pdf"'
    return response
