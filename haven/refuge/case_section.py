"""The refuge section of the case page (casework/sections.py): the household's stay, the
duties from moving in and the links to move in, record a stay past its limit and move out."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseState
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.refuge.selectors import serves_contract, stay_duties, stays_of

ORDER = 35


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    stays = list(stays_of(case))
    if not stays and not serves_contract(case):
        return None
    current = next((s for s in stays if s.moved_out_at is None), None)
    links = []
    if visible.can_change and case.state != CaseState.CLOSED:
        if current is None:
            links.append(("Record moving in", reverse("refuge:move_in", args=[case.pk])))
        else:
            links.append(
                (
                    "Record a stay past its limit",
                    reverse("refuge:extend", args=[case.pk, current.pk]),
                )
            )
            links.append(
                ("Record moving out", reverse("refuge:move_out", args=[case.pk, current.pk]))
            )
    html = render_section(
        request,
        "refuge/_case_section.html",
        {
            "case": case,
            "stays": stays,
            "current": current,
            "duties": stay_duties(case) if stays else [],
            "now": timezone.now(),
        },
    )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
