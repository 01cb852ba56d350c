"""The serious incidents' section of the case page (casework/sections.py): the case's serious
incidents and whether the commissioner was told, and the links to record one and to export the
case's chronology for a domestic homicide review."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.incidents.selectors import incidents_on

ORDER = 45


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    incidents = list(incidents_on(case))
    links = []
    if visible.can_change:
        links.append(("Record a serious incident", reverse("incidents:case_add", args=[case.pk])))
    if request.user.has_perm("incidents.export_chronology", case):
        links.append(
            ("Chronology for a review (PDF)", reverse("incidents:chronology", args=[case.pk]))
        )
    html: SafeString | str = ""
    if incidents:
        html = render_section(
            request,
            "incidents/_case_section.html",
            {
                "case": case,
                "incidents": incidents,
                "now": timezone.now(),
                "keeps_register": request.user.has_perm("incidents.view_register"),
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
