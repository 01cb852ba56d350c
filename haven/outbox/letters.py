"""A letter as HTML and as a PDF (WeasyPrint) for printing and posting: addressed only to the
safe address taken when it was sent, nothing fetched from outside. A blocked letter carries no
address at all, only a warning not to post it."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from haven.core.formatting import date_format
from haven.outbox.models import Message, MessageStatus


def letter_html(message: Message) -> str:
    blocked = message.status == MessageStatus.BLOCKED or not message.recipient.strip()
    person = message.person
    when = message.posted_at or message.printed_at or message.created_at or timezone.now()
    return render_to_string(
        "outbox/letter_pdf.html",
        {
            "blocked": blocked,
            "reasons": message.blocked_reasons or ["no safe address is recorded"],
            "name": person.preferred_name or person.full_name,
            "address": "" if blocked else message.recipient.strip(),
            "date": date_format(timezone.localtime(when).date()),
            "subject": message.subject,
            "body": message.body,
        },
    )


def letter_pdf(message: Message) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=letter_html(message), url_fetcher=_no_fetch).write_pdf()
    return pdf


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError("a letter loads nothing from outside")
