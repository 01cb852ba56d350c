"""The released copy of a subject access request: JSON and a PDF (WeasyPrint), both built from
the reviewed items with their redactions applied. A redacted field's value and a removed name
never reach either file: the value is replaced before anything is rendered."""

from __future__ import annotations

import json
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from haven.core.formatting import date_format
from haven.subjectaccess.gather import NOT_SEARCHED, redacted_value
from haven.subjectaccess.models import ItemDecision, SarItem, SubjectAccessRequest

FORMAT = "haven-subject-access/1"
REDACTED = "[Redacted]"
# reference.md s7 (UK GDPR Art. 15): with the copy, the person is told their rights
RIGHTS = (
    "You can ask us to correct anything that is wrong, and in some cases to erase or restrict it.",
    "If you are unhappy with how we handled your request, you can complain to us, to the "
    "Information Commissioner's Office (ico.org.uk, 0303 123 1113), and you can go to court.",
)


def released_fields(item: SarItem) -> list[dict[str, str]]:
    """The item's fields as released: redacted fields replaced, third parties' names removed."""
    released = []
    for entry in item.fields:
        value = entry["value"]
        if entry["name"] in item.redacted_fields:
            value = REDACTED
        elif item.redact_names:
            value = redacted_value(value, item.third_party_names)
        released.append({"label": entry["label"], "value": value})
    return released


def bundle_content(sar: SubjectAccessRequest) -> dict[str, Any]:
    items = list(sar.items.all())
    if any(item.decision == ItemDecision.PENDING for item in items):
        raise ValueError("every item is reviewed before the bundle is made")
    released = [item for item in items if item.decision != ItemDecision.WITHHOLD]
    return {
        "format": FORMAT,
        "request": str(sar.pk),
        "reference_code": sar.person.reference_code,
        "received_on": sar.received_on.isoformat(),
        "produced_at": timezone.now().isoformat(timespec="seconds"),
        "search": {"covered": sar.coverage, "not_searched": list(NOT_SEARCHED)},
        "records": [
            {
                "type": item.record_type_label,
                "label": item.label,
                "when": item.occurred_at.isoformat() if item.occurred_at else None,
                "redacted": item.decision == ItemDecision.REDACT,
                "fields": released_fields(item),
            }
            for item in released
        ],
        "withheld": len(items) - len(released),
        "rights": list(RIGHTS),
    }


def bundle_json(content: dict[str, Any]) -> bytes:
    return json.dumps(content, ensure_ascii=False, indent=2).encode()


def bundle_html(sar: SubjectAccessRequest, content: dict[str, Any]) -> str:
    return render_to_string(
        "subjectaccess/bundle_pdf.html",
        {
            "content": content,
            "organisation": sar.organisation.name,
            "received": date_format(sar.received_on),
            "today": date_format(timezone.localdate()),
        },
    )


def bundle_pdf(sar: SubjectAccessRequest, content: dict[str, Any]) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=bundle_html(sar, content), url_fetcher=_no_fetch).write_pdf()
    return pdf


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError("a bundle loads nothing from outside")
