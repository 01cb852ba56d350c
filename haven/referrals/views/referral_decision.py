"""A referral with its eligibility decision; decline with a reason. Accepting opens a case, so
that page is casework's (`casework/views/referral_accept.py`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.core.formatting import when
from haven.core.read_audit import audits_reads
from haven.referrals.forms import DeclineForm
from haven.referrals.models import Cohort
from haven.referrals.panels import referral_panels
from haven.referrals.services import (
    ReferralNotPendingError,
    eligibility_of,
    referral_decline,
    referral_view_record,
)
from haven.referrals.views.referral_access import may_decide, read_referral, referral_to_decide


@login_required
@permission_required("referrals.view_referrals", raise_exception=True)
@audits_reads
def detail(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = read_referral(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    referral_view_record(referral=referral, viewed_by=staff_user(request), grant=readable.grant)
    decidable = referral.decision == "pending" and may_decide(request.user, referral)
    context = {
        "when": when,
        "referral": referral,
        "eligibility": eligibility_of(referral),
        "may_decide": decidable,
        "form": DeclineForm() if decidable else None,
        "case": getattr(referral, "case", None),
        "cohort_labels": [Cohort(c).label for c in referral.cohorts if c in Cohort.values],
        "panels": referral_panels(request, referral),
    }
    return render(request, "referrals/referral_detail.html", context)


@login_required
@audits_reads
def decline(request: HttpRequest, referral_id: Any) -> HttpResponse:
    readable = referral_to_decide(request, referral_id)
    if isinstance(readable, HttpResponse):
        return readable
    referral = readable.referral
    form = DeclineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            referral_decline(
                referral=referral,
                declined_by=staff_user(request),
                category=form.cleaned_data["category"],
                reason=form.cleaned_data["reason"],
            )
        except ReferralNotPendingError as not_pending:
            messages.info(request, str(not_pending))
        else:
            messages.success(request, "Referral declined; it is kept with your reason")
        return redirect("referrals:detail", referral.pk)
    referral_view_record(referral=referral, viewed_by=staff_user(request), grant=readable.grant)
    return render(request, "referrals/decline_form.html", {"form": form, "referral": referral})
