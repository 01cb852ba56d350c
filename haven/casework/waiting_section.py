"""Casework's section of the case page about the waiting list (issue 13): the current (or
latest) stay, its reason, the next contact due, and a link to the list while the case waits."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse

from haven.casework.models import CaseState
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.casework.selectors_waiting import case_wait, may_view_waiting_list

ORDER = 15


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    wait = case_wait(case)
    if wait is None:
        return None
    links: list[tuple[str, str]] = []
    if case.state == CaseState.WAITING_LIST and may_view_waiting_list(request.user):
        links.append(
            ("See the waiting list", reverse("casework:waiting_list", args=[case.contract_id]))
        )
    html = render_section(
        request, "casework/_waiting_section.html", {"case": case, "wait": wait, "links": links}
    )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
