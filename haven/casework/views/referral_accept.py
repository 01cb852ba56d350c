"""Accept a referral: it opens the referral's case (routed as `referrals:accept`, haven/urls.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.services import referral_accept
from haven.casework.views.case_access import after_action
from haven.referrals.selectors import intake_team_for
from haven.referrals.services import ReferralNotPendingError
from haven.referrals.views.referral_access import referral_to_decide


@login_required
@require_POST
def accept(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = referral_to_decide(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    # the case joins the accepting worker's team, allocated to them (a valid pair); staff
    # without a team there (service managers) leave it unallocated
    accepted_by = staff_user(request)
    team = intake_team_for(accepted_by, referral.contract)
    try:
        case = referral_accept(
            referral=referral,
            accepted_by=accepted_by,
            team=team,
            allocated_to=accepted_by if team is not None else None,
        )
    except ReferralNotPendingError as not_pending:
        messages.info(request, str(not_pending))
        return redirect("referrals:detail", referral.pk)
    return after_action(request, case.pk, "Referral accepted and case opened")
