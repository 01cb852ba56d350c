"""The housing section of the case page (casework/sections.py), on housing services only
(selectors.offers_housing: a profile whose service_types include accommodation or refuge, such as
leicester-safehome-2012): the tenure at entry and exit and the Safe Home outcomes, and the links
to record them."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.housing.selectors import housing_situation_of, offers_housing, safe_home_outcomes_for
from haven.housing.services import housing_refusal

ORDER = 42


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    if not offers_housing(case):
        return None
    situation = housing_situation_of(case)
    links = []
    if visible.can_change and housing_refusal(case) is None:
        links.append(("Record housing at entry", reverse("housing:entry", args=[case.pk])))
        if situation is not None:
            links.append(("Record housing at exit", reverse("housing:exit", args=[case.pk])))
        links.append(("Record a Safe Home outcome", reverse("housing:outcome_add", args=[case.pk])))
    links.append(("Housing and Safe Home outcomes", reverse("housing:detail", args=[case.pk])))
    html = render_section(
        request,
        "housing/_case_section.html",
        {
            "case": case,
            "situation": situation,
            "outcomes": list(safe_home_outcomes_for(case)),
        },
    )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
