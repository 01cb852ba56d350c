"""The legal proceedings' section of the case page (casework/sections.py): the proceedings and
their outcomes, and the links to record and list them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.proceedings.selectors import proceedings_for
from haven.proceedings.services import proceeding_refusal

ORDER = 40


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    proceedings = list(proceedings_for(case))
    links = []
    if visible.can_change and proceeding_refusal(case) is None:
        links.append(("Record a legal proceeding", reverse("proceedings:add", args=[case.pk])))
    links.append(("Legal proceedings", reverse("proceedings:list", args=[case.pk])))
    html: SafeString | str = ""
    if proceedings:
        html = render_section(
            request,
            "proceedings/_case_section.html",
            {"case": case, "proceedings": proceedings},
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
