"""The target hardening section of the case page (casework/sections.py): the service level and
spend so far, with links to the job and to record the home visit (seed 002 Lot 2 s3.1)."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.models import CaseState
from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.targethardening.selectors import job_on, job_spend
from haven.targethardening.services import target_hardening_spec

ORDER = 42


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection | None:
    case = visible.case
    if target_hardening_spec(case.contract) is None:
        return None
    job = job_on(case)
    links = []
    if job is None and visible.can_change and case.state != CaseState.CLOSED:
        links.append(
            (
                "Record the home visit and security assessment",
                reverse("targethardening:visit", args=[case.pk]),
            )
        )
    links.append(("Target hardening job", reverse("targethardening:job", args=[case.pk])))
    html: SafeString | str = ""
    if job is not None:
        html = render_section(
            request,
            "targethardening/_case_section.html",
            {"case": case, "job": job, "spent": job_spend(job)},
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
