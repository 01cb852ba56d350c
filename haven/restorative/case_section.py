"""The restorative justice section of the case page (casework/sections.py; seed 002 s3.10):
the case's processes with their stage, and the links to refer and to record the next step.
Shown on contracts offering restorative justice (profile `service_types`) or with a process."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.rules import record_refusal
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.restorative.selectors import processes_on
from haven.restorative.services import NEXT

ORDER = 49


def offers_restorative_justice(profile: dict[str, object]) -> bool:
    types = profile.get("service_types")
    return isinstance(types, list) and "restorative_justice" in types


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    processes = list(processes_on(case))
    if not processes and not offers_restorative_justice(case.contract.profile):
        return None
    may_record = visible.can_change and record_refusal(case) is None
    links = []
    if may_record and offers_restorative_justice(case.contract.profile):
        links.append(
            ("Refer for restorative justice", reverse("restorative:refer", args=[case.pk]))
        )
    html: SafeString | str = ""
    if processes:
        html = render_section(
            request,
            "restorative/_case_section.html",
            {"case": case, "processes": processes, "may_record": may_record, "next": NEXT},
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
