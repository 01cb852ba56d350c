"""The "Letters, emails and texts" section of the case page (casework/sections.py): every
message with its status, and the link to send one."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from haven.casework.models import CaseState
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.outbox.selectors import messages_of

ORDER = 12


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    links = []
    if visible.can_change and case.state != CaseState.CLOSED:
        links.append(("Send a letter, email or text", reverse("outbox:send", args=[case.pk])))
    html = render_section(
        request,
        "outbox/_case_section.html",
        {"case": case, "outbox_messages": list(messages_of(case))},
    )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
