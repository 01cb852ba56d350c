"""Onward referrals from the case page: record one (an agency from the directory or another),
and record its outcome later (issue 11 item 4)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.forms.onward_referrals import OnwardReferralForm, OutcomeForm
from haven.casework.selectors import VisibleCase
from haven.casework.selectors_onward import agencies_for_case, onward_referral_of_case
from haven.casework.services import (
    ExitStepRefusedError,
    exit_step_refusal,
    needs_areas,
    onward_referral_outcome_record,
    onward_referral_outcome_refusal,
    onward_referral_record,
)
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page


def _save(request: HttpRequest, visible: VisibleCase, form: OnwardReferralForm) -> None:
    data: dict[str, Any] = form.cleaned_data
    consent = data["consent"] == "yes"
    onward_referral_record(
        case=visible.case,
        recorded_by=staff_user(request),
        made_at=data["made_at"],
        consent=consent,
        directory_agency=form.picked_agency(),
        agency=data.get("agency") or "",
        agency_type=data.get("agency_type") or "",
        kind=data.get("kind") or "referral",
        need=data.get("need") or "",
        need_area=data.get("need_area") or "",
        consent_override="" if consent else data.get("consent_override") or "",
        override_basis="" if consent else data.get("override_basis") or "",
        note=data["note"],
    )


@with_case(change=True)
def onward_referral(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service, then back to the case; refusals on their fields."""
    case = visible.case
    refusal = exit_step_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = OnwardReferralForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        agencies=agencies_for_case(case),
        areas=needs_areas(case),
    )
    if request.method == "POST" and form.is_valid():
        try:
            _save(request, visible, form)
        except ExitStepRefusedError as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused))
        else:
            messages.success(request, "Onward referral recorded")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/onward_referral_form.html",
        {"form": form, "case": case, "title": "Record an onward referral"},
    )


@with_case(change=True)
def onward_referral_outcome(
    request: HttpRequest, visible: VisibleCase, referral_id: Any
) -> HttpResponse:
    """What the agency did with a referral: accepted, declined, or no reply."""
    case = visible.case
    referral = onward_referral_of_case(case, referral_id)
    refusal = onward_referral_outcome_refusal(referral)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = OutcomeForm(request.POST if request.method == "POST" else None, made_at=referral.made_at)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            onward_referral_outcome_record(
                referral=referral,
                recorded_by=staff_user(request),
                outcome=data["outcome"],
                outcome_at=data["outcome_at"],
                note=data["note"],
            )
        except ValidationError as refused:
            problems = refused.message_dict if hasattr(refused, "error_dict") else {}
            for field, errors in problems.items() or [(None, refused.messages)]:
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Outcome of the onward referral recorded")
            return redirect(case_url(visible) + "#onward-referrals")
    return render_page(
        request,
        "casework/onward_referral_outcome_form.html",
        {
            "form": form,
            "case": case,
            "referral": referral,
            "title": "Record the outcome of an onward referral",
        },
    )
