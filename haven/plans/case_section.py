"""The plans' section of the case page (casework/sections.py): for the survivor and each child,
the support plan's goals, open actions and next review, and whether there is a safety plan."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.plans.selectors import plan_summaries
from haven.plans.services import area_label, plan_refusal

ORDER = 20  # before support sessions: the plan says what the sessions are for


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    rows = plan_summaries(case)
    links = []
    if visible.can_change and plan_refusal(case) is None:
        if any(row.plan is None for row in rows):
            links.append(("Agree a support plan", reverse("plans:agree", args=[case.pk])))
        if any(row.safety_plan is None for row in rows):
            links.append(("Make a safety plan", reverse("plans:safety_record", args=[case.pk])))
    links.append(("Support and safety plans", reverse("plans:list", args=[case.pk])))
    html: SafeString | str = ""
    if any(row.plan or row.safety_plan for row in rows):
        html = render_section(
            request,
            "plans/_case_section.html",
            {
                "case": case,
                "rows": [row for row in rows if row.plan or row.safety_plan],
                "survivor_id": case.person_id,
                "area_label": lambda area: area_label(case, area),
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
