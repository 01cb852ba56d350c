"""The safeguarding section of the case page (casework/sections.py): the household's children
and their plans, the adults alerts, the Think Family prompt, and the links to record them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.safeguarding.presenters import overview_context
from haven.safeguarding.services import safeguarding_refusal

ORDER = 35


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    may_record = visible.can_change and safeguarding_refusal(case) is None
    context = overview_context(case, may_record)
    links = []
    if may_record:
        if context["think_family"]:
            links.append(
                (
                    "Ask the Think Family questions",
                    reverse("safeguarding:think_family", args=[case.pk]),
                )
            )
        links.append(
            (
                "Record a safeguarding referral or meeting",
                reverse("safeguarding:event_add", args=[case.pk]),
            )
        )
        links.append(
            ("Raise a safeguarding adults alert", reverse("safeguarding:alert_add", args=[case.pk]))
        )
    links.append(("Safeguarding", reverse("safeguarding:overview", args=[case.pk])))
    shown = context["children"] or context["alerts"] or context["events"] or context["think_family"]
    html = render_section(request, "safeguarding/_case_section.html", context) if shown else ""
    return CaseSection(order=ORDER, html=html, links=tuple(links))
