"""A referral with its eligibility decision; accept (opens a case) or decline with a reason."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from haven.access.errors import ReasonRequiredError
from haven.access.http import reason_redirect
from haven.casework.presenters import HELPERS
from haven.referrals.forms import DeclineForm
from haven.referrals.models import Cohort
from haven.referrals.selectors import (
    PersonRestrictedError,
    ReadableReferral,
    intake_team_for,
    referral_contracts_for,
    referral_for_reading,
)
from haven.referrals.services import (
    ReferralNotPendingError,
    eligibility_of,
    referral_accept,
    referral_decline,
    referral_view_record,
)


def _may_decide(user: Any, referral: Any) -> bool:
    return (
        bool(user.has_perm("referrals.create_referral"))
        and referral_contracts_for(user).filter(pk=referral.contract_id).exists()
    )


def _read(request: HttpRequest, referral_id: Any) -> ReadableReferral | HttpResponse:
    """The referral, or the response that stands in for it: the reason form for a restricted
    record in the user's scope, a page saying it is restricted when none is."""
    try:
        return referral_for_reading(request.user, referral_id)
    except ReasonRequiredError as restricted:
        if request.method != "GET":  # the reason form comes back to the referral page
            return redirect("referrals:detail", referral_id)
        # as the case page: ask why before showing anything about the person
        return reason_redirect(request, restricted.case_id)
    except PersonRestrictedError:
        return render(request, "referrals/person_restricted.html", status=403)


@login_required
@permission_required("referrals.view_referrals", raise_exception=True)
def detail(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = _read(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    referral_view_record(referral=referral, viewed_by=request.user, grant=readable.grant)
    may_decide = referral.decision == "pending" and _may_decide(request.user, referral)
    context = {
        **HELPERS,
        "referral": referral,
        "eligibility": eligibility_of(referral),
        "may_decide": may_decide,
        "form": DeclineForm() if may_decide else None,
        "case": getattr(referral, "case", None),
        "cohort_labels": [Cohort(c).label for c in referral.cohorts if c in Cohort.values],
    }
    return render(request, "referrals/referral_detail.html", context)


@login_required
@require_POST
def accept(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = _read(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    if not _may_decide(request.user, referral):
        raise PermissionDenied
    try:
        team = intake_team_for(request.user, referral.contract)
        case = referral_accept(
            referral=referral, accepted_by=request.user, team=team, allocated_to=request.user
        )
    except ReferralNotPendingError as not_pending:
        messages.info(request, str(not_pending))
        return redirect("referrals:detail", referral.pk)
    messages.success(request, "Referral accepted and case opened")
    return redirect("casework:detail", case.pk)


@login_required
def decline(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = _read(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    if not _may_decide(request.user, referral):
        raise PermissionDenied
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            referral_decline(
                referral=referral, declined_by=request.user, reason=form.cleaned_data["reason"]
            )
        except ReferralNotPendingError as not_pending:
            messages.info(request, str(not_pending))
        else:
            messages.success(request, "Referral declined; it is kept with your reason")
        return redirect("referrals:detail", referral.pk)
    return render(request, "referrals/decline_form.html", {"form": form, "referral": referral})
