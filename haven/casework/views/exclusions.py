"""Re-engagement attempts, the exclusion decision and its appeal (seed 003 s8; seed 004 s6.10).
Caseworkers record attempts and that an appeal was made; team leaders and service managers
decide exclusions and appeals (the service refuses anyone else)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts.signed_in import staff_user
from haven.casework.exit_selectors import exclusion_for, reengagement_attempts_for
from haven.casework.forms.exclusions import (
    AppealDecisionForm,
    AppealLodgedForm,
    ExclusionForm,
    ReengagementForm,
)
from haven.casework.models import CaseState
from haven.casework.selectors import VisibleCase
from haven.casework.services.exclusions import (
    NO_CRITERIA,
    exclusion_appeal_decide,
    exclusion_appeal_lodge,
    exclusion_criteria,
    exclusion_decide,
    reengagement_attempt_record,
)
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page

CLOSED = "The case is closed: nothing more is recorded on it"


@with_case(change=True)
def reengagement(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    if case.state == CaseState.CLOSED:
        messages.info(request, CLOSED)
        return redirect(case_url(visible))
    form = ReengagementForm(
        request.POST if request.method == "POST" else None, opened_at=case.opened_at
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: reengagement_attempt_record(
                case=case,
                recorded_by=staff_user(request),
                attempted_at=data["attempted_at"],
                method=data["method"],
                what=data["what"],
            ),
        ):
            messages.success(request, "Attempt to re-engage recorded")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/exclusion_form.html",
        {"form": form, "case": case, "title": "Record an attempt to re-engage"},
    )


@with_case(manage=True)
def exclude(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    criteria = exclusion_criteria(case)
    refusal = CLOSED if case.state == CaseState.CLOSED else None
    refusal = refusal or (NO_CRITERIA if not criteria else None)
    refusal = refusal or ("An exclusion is already recorded" if exclusion_for(case) else None)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = ExclusionForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        criteria=criteria,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: exclusion_decide(
                case=case,
                decided_by=staff_user(request),
                criteria=list(data["criteria"]),
                reason=data["reason"],
                appeal_notice_at=data["appeal_notice_at"],
                appeal_notice_method=data["appeal_notice_method"],
            ),
        ):
            messages.success(request, "Exclusion recorded: now close the case as excluded")
            return redirect(reverse("casework:close", args=[case.pk]))
    return render_page(
        request,
        "casework/exclusion_form.html",
        {
            "form": form,
            "case": case,
            "title": "Exclude from the service",
            "attempts": list(reengagement_attempts_for(case)),
            "criteria": criteria,
            "deciding": True,
        },
    )


@with_case(change=True)
def appeal_lodged(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    exclusion = exclusion_for(visible.case)
    if exclusion is None or exclusion.appeal_lodged_at is not None:
        messages.info(request, "There is no exclusion awaiting an appeal on this case")
        return redirect(case_url(visible))
    form = AppealLodgedForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        lodged_at = form.cleaned_data["lodged_at"]
        if form.saved_by(
            lambda: exclusion_appeal_lodge(
                exclusion=exclusion, recorded_by=staff_user(request), lodged_at=lodged_at
            ),
        ):
            messages.success(
                request, "Appeal recorded: a team leader or service manager decides it"
            )
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/exclusion_form.html",
        {"form": form, "case": visible.case, "title": "Record an appeal against the exclusion"},
    )


@with_case(manage=True)
def appeal_decide(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    exclusion = exclusion_for(visible.case)
    if exclusion is None or exclusion.appeal_lodged_at is None or exclusion.appeal_outcome:
        messages.info(request, "There is no appeal waiting for a decision on this case")
        return redirect(case_url(visible))
    form = AppealDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: exclusion_appeal_decide(
                exclusion=exclusion,
                decided_by=staff_user(request),
                heard_at=data["heard_at"],
                outcome=data["outcome"],
                reason=data["reason"],
            ),
        ):
            messages.success(request, "Appeal decision recorded")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/exclusion_form.html",
        {"form": form, "case": visible.case, "title": "Decide the appeal", "exclusion": exclusion},
    )
