"""Risk's section of the case page (casework/sections.py): record a change of risk (seed 004
s4.2) and screening (seed 004 s6.3, s6.4); the checklist links are casework's own."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from haven.casework.rules import record_refusal
from haven.casework.sections import CaseSection
from haven.casework.selectors import VisibleCase

ORDER = 5  # risk comes before plans and sessions


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    links = []
    if visible.can_change and not record_refusal(case):
        links.append(("Record a change of risk", reverse("risk:change", args=[case.pk])))
    links.append(("Screening", reverse("risk:screening", args=[case.pk])))
    return CaseSection(order=ORDER, links=tuple(links))
