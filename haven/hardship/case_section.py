"""The hardship grants' section of the case page (casework/sections.py), for contracts whose
profile has a hardship fund (seed 002 s3.8): the case's grants and the link to request one."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.hardship.money import pounds
from haven.hardship.selectors import grants_on
from haven.hardship.services import grant_refusal, hardship_spec

ORDER = 48


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    if hardship_spec(case.contract) is None:
        return None
    grants = list(grants_on(case))
    links = []
    if visible.can_change and grant_refusal(case) is None:
        links.append(("Request a hardship grant", reverse("hardship:request", args=[case.pk])))
    html: SafeString | str = ""
    if grants:
        html = render_section(
            request,
            "hardship/_case_section.html",
            {
                "case": case,
                "grants": grants,
                "pounds": pounds,
                "decides": request.user.has_perm("hardship.decide_grant", case),
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
