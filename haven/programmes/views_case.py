"""Programme pages on a case: offer the person a place on a group, and, on a victim's case,
start partner liaison with a perpetrator programme and record its contacts (kept here)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.programmes.forms import EnrolForm, LiaisonStartForm, PartnerContactForm
from haven.programmes.selectors import liaison_on, runs_open_for
from haven.programmes.services import enrolment_offer
from haven.programmes.services_liaison import partner_contact_record, partner_liaison_start


@with_case(change=True)
def enrol(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    runs = list(runs_open_for(case))
    if not runs:
        messages.info(request, "This service has no group open for a place")
        return redirect("casework:detail", case.pk)
    form = EnrolForm(request.POST if request.method == "POST" else None, runs=runs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = next(r for r in runs if str(r.pk) == data["run"])
        if form.saved_by(
            lambda: enrolment_offer(
                run=run, case=case, offered_on=data["offered_on"], offered_by=staff_user(request)
            )
        ):
            messages.success(request, "Place offered")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "programmes/case_form.html",
        {"form": form, "case": case, "title": "Offer a place on a group or programme"},
    )


@with_case(change=True)
def liaison_start(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """On the victim's case: link it to the perpetrator's programme place by reference code."""
    case = visible.case
    form = LiaisonStartForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: partner_liaison_start(
                victim_case=case,
                perpetrator_reference=data["perpetrator_reference"],
                started_on=data["started_on"],
                by=staff_user(request),
            )
        ):
            messages.success(request, "Partner liaison started")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "programmes/case_form.html",
        {
            "form": form,
            "case": case,
            "title": "Start partner liaison with a perpetrator programme",
            "intro": "The perpetrator programme will see only that liaison is in place, the "
            "date of the last contact and whether a risk concern was raised: never this case, "
            "its address or its notes.",
        },
    )


@with_case(change=True)
def partner_contact(request: HttpRequest, visible: VisibleCase, liaison_id: Any) -> HttpResponse:
    case = visible.case
    liaison = liaison_on(case, liaison_id)
    form = PartnerContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: partner_contact_record(
                liaison=liaison,
                contacted_on=data["contacted_on"],
                method=data["method"],
                risk_concern_raised=data["risk_concern_raised"] == "yes",
                notes=data["notes"],
                by=staff_user(request),
            )
        ):
            messages.success(request, "Partner liaison contact recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "programmes/case_form.html",
        {"form": form, "case": case, "title": "Record a partner liaison contact"},
    )
