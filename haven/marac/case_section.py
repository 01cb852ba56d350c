"""The MARAC section of the case page (casework/sections.py): referrals, the meetings that heard
the case and their actions, incidents; links to record a new incident and a referral."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse
from django.utils.safestring import SafeString

from haven.casework.sections import CaseSection, render_section
from haven.casework.selectors import VisibleCase
from haven.marac.selectors import hearings_for, incidents_for, referrals_for
from haven.marac.services import marac_refusal

ORDER = 25


def build(request: HttpRequest, visible: VisibleCase) -> CaseSection:
    case = visible.case
    links = []
    if visible.can_change and marac_refusal(case) is None:
        links.append(("Record a new incident", reverse("marac:incident_add", args=[case.pk])))
        links.append(("Record a MARAC referral", reverse("marac:referral_add", args=[case.pk])))
    referrals = list(referrals_for(case))
    incidents = list(incidents_for(case)[:5])
    html: SafeString | str = ""
    if referrals or incidents:
        html = render_section(
            request,
            "marac/_case_section.html",
            {
                "case": case,
                "referrals": referrals,
                "hearings": hearings_for(case),
                "incidents": incidents,
            },
        )
    return CaseSection(order=ORDER, html=html, links=tuple(links))
