"""The review list: possible matches to existing people, confirmed by a person, never merged."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.casework.presenters import HELPERS
from haven.core.read_audit import audit_record_view, audits_reads
from haven.people.selectors import restricted_among
from haven.referrals.selectors import intake_team_for
from haven.workbook.forms import NEW_PERSON, NEW_PERSON_CHECKED, ReviewForm
from haven.workbook.models import ReviewStatus
from haven.workbook.selectors import pending_reviews_for, review_for_user
from haven.workbook.services import ReviewDecidedError, review_link_person, review_new_person


@login_required
@permission_required("workbook.import_incidents", raise_exception=True)
def review_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "workbook/review_list.html",
        {**HELPERS, "reviews": pending_reviews_for(request.user)},
    )


@login_required
@permission_required("workbook.import_incidents", raise_exception=True)
@audits_reads
def review_detail(request: HttpRequest, review_id: Any) -> HttpResponse:
    review = review_for_user(request.user, review_id)
    if review.status != ReviewStatus.PENDING:
        messages.info(request, "This review has already been decided")
        return redirect("workbook:review_list")
    everyone = list(review.candidates.all())
    # a restricted candidate is counted but not described or offered to staff not named on it
    hidden = restricted_among(request.user, everyone)
    candidates = [p for p in everyone if p.pk not in hidden]
    choices = [(str(p.pk), f"{p.full_name} ({p.reference_code})") for p in candidates]
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        candidates=choices,
        restricted=len(hidden),
    )
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data["decision"]
        team = intake_team_for(staff_user(request), review.contract)
        try:
            if decision in (NEW_PERSON, NEW_PERSON_CHECKED):
                referral = review_new_person(
                    review=review,
                    decided_by=staff_user(request),
                    team=team,
                    restricted_match_acknowledged=decision == NEW_PERSON_CHECKED,
                )
            else:
                person = next(p for p in candidates if str(p.pk) == decision)
                referral = review_link_person(
                    review=review, person=person, decided_by=staff_user(request), team=team
                )
        except ReviewDecidedError as decided:
            messages.info(request, str(decided))
            return redirect("workbook:review_list")
        messages.success(request, "Decision recorded; the referral is accepted and its case open")
        return redirect("referrals:detail", referral.pk)
    # the export's victim and the people who may be them, by name and date of birth
    audit_record_view(user=request.user, target=review, shown=[p.pk for p in candidates])
    context = {
        **HELPERS,
        "review": review,
        "form": form,
        "candidates": candidates,
        "restricted": len(hidden),
        "reasons": review.candidate_reasons,
    }
    return render(request, "workbook/review_detail.html", context)
