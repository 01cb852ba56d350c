"""The programmes section of the case page (casework/sections.py): the person's places on groups
and programmes with what they attended; on a perpetrator's place only the partner liaison
summary; on a victim's case the partner liaison kept here, with its contacts."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.rules import record_refusal
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.programmes.models import ProgrammeKind
from haven.programmes.selectors import (
    any_perpetrator_programme,
    enrolments_on,
    liaison_summaries,
    liaisons_on,
    runs_open_for,
)

ORDER = 52


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    enrolments = list(enrolments_on(case))
    perpetrator_places = [
        e for e in enrolments if e.run.programme.kind == ProgrammeKind.PERPETRATOR
    ]
    summaries = liaison_summaries([e.pk for e in perpetrator_places]) if perpetrator_places else {}
    liaisons = [] if perpetrator_places else liaisons_on(case)
    links = []
    open_case = visible.can_change and record_refusal(case) is None
    if open_case and runs_open_for(case).exists():
        links.append(("Offer a place on a group", reverse("programmes:enrol", args=[case.pk])))
    if open_case and not perpetrator_places and any_perpetrator_programme():
        links.append(("Start partner liaison", reverse("programmes:liaison_start", args=[case.pk])))
    html: SafeString | str = ""
    if enrolments or liaisons:
        html = render_section(
            request,
            "programmes/_case_section.html",
            {
                "case": case,
                "enrolments": enrolments,
                "summaries": summaries,
                "liaisons": liaisons,
                "may_record": open_case,
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
