"""The outcomes' section of the case page (casework/sections.py): the latest scores and distance
travelled per domain at a glance, and the links to record and see them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.outcomes.selectors import needs_travel, outcome_summary
from haven.outcomes.services import instruments_for, outcome_assessment_refusal

ORDER = 40


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    asks = bool(instruments_for(case))
    needs = needs_travel(case)
    if not asks and not needs:
        return None  # no outcome questions, no needs scored: nothing to show
    summary = outcome_summary(case)
    links = []
    if asks and visible.can_change and outcome_assessment_refusal(case) is None:
        links.append(("Record an outcome assessment", reverse("outcomes:choose", args=[case.pk])))
    links.append(("Outcomes", reverse("outcomes:history", args=[case.pk])))
    html: SafeString | str = ""
    if summary.count or needs:
        html = render_section(
            request,
            "outcomes/_case_section.html",
            {"case": case, "summary": summary, "needs": needs},
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
