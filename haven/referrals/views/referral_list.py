"""The referral list: newest first, with the decision and its reason."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.core.formatting import when
from haven.core.read_audit import audit_list_view, audits_reads
from haven.referrals.models import Referral
from haven.referrals.selectors import referral_list_for

PAGE_SIZE = 50


def listed_referrals(request: HttpRequest) -> tuple[QuerySet[Referral], str]:
    """The list's rows, newest first, and the decision it shows (the page and its export)."""
    referrals = referral_list_for(request.user).order_by("-received_at")
    decision = request.GET.get("decision", "pending")  # the intake queue by default
    if decision in {"pending", "accepted", "declined"}:
        return referrals.filter(decision=decision), decision
    return referrals, "all"


@login_required
@permission_required("referrals.view_referrals", raise_exception=True)
@audits_reads
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals, decision = listed_referrals(request)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    audit_list_view(
        user=request.user,
        object_type="referrals.referral",
        shown=[referral.pk for referral in page],
        page=f"referrals:{decision}",
    )
    query = f"decision={decision}&"
    return render(
        request,
        "referrals/referral_list.html",
        {"when": when, "page": page, "decision": decision, "query_without_page": query},
    )
