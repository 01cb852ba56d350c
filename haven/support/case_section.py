"""The support sessions' section of the case page (casework/sections.py): how much support the
case has had, the latest sessions, and the links to record and list them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.support.selectors import session_summary
from haven.support.services import support_session_refusal

ORDER = 30
LATEST = 3


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    summary = session_summary(case, latest=LATEST)
    links = []
    if visible.can_change and support_session_refusal(case) is None:
        links.append(("Record a support session", reverse("support:record", args=[case.pk])))
    links.append(("Support sessions", reverse("support:list", args=[case.pk])))
    html: SafeString | str = ""
    if summary.count:
        html = render_section(
            request, "support/_case_section.html", {"case": case, "summary": summary}
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
