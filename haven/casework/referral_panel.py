"""Casework's panel on the referral page: "previously supported", the person's earlier cases,
their exits and any exclusion with its appeal, for whoever decides the referral (seed 003 s6
open door; seed 003 s8 exclusions)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.safestring import SafeString

from haven.casework.exit_selectors import person_cases
from haven.casework.sections import render_section
from haven.referrals.models import Referral


def build(request: HttpRequest, referral: Referral) -> SafeString | str:
    if not request.user.has_perm("casework.view_cases"):
        return ""
    case = getattr(referral, "case", None)
    earlier = person_cases(
        request.user,
        referral.person_id,
        before=case.opened_at if case is not None else None,
        leave_out=case.pk if case is not None else None,
    )
    if not earlier:
        return ""
    return render_section(request, "casework/_previously_supported.html", {"earlier": earlier})
