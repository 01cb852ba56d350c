"""The outcomes' section of the case page (casework/sections.py): the latest scores and distance
travelled per domain at a glance, and the links to record and see them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.outcomes.selectors import outcome_summary
from haven.outcomes.services import instruments_for, outcome_assessment_refusal

ORDER = 40


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    if not instruments_for(case):
        return None  # the contract asks no outcome questions
    summary = outcome_summary(case)
    links = []
    if visible.can_change and outcome_assessment_refusal(case) is None:
        links.append(("Record an outcome assessment", reverse("outcomes:choose", args=[case.pk])))
    links.append(("Outcomes", reverse("outcomes:history", args=[case.pk])))
    html: SafeString | str = ""
    if summary.count:
        html = render_section(
            request, "outcomes/_case_section.html", {"case": case, "summary": summary}
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
