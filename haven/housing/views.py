"""A case's housing: the page with the housing at entry and exit and the Safe Home outcomes,
and the pages to record each (through their services)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.housing.forms import HousingEntryForm, HousingExitForm, SafeHomeOutcomeForm
from haven.housing.selectors import housing_situation_of, safe_home_outcomes_for
from haven.housing.services import (
    housing_entry_record,
    housing_exit_record,
    housing_refusal,
    safe_home_outcome_record,
)


def _refused(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    refusal = housing_refusal(visible.case)
    if refusal:
        messages.info(request, refusal)
        return redirect("housing:detail", visible.case.pk)
    return None


@with_case()
def housing_detail(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    context = {
        "case": case,
        "situation": housing_situation_of(case),
        "outcomes": list(safe_home_outcomes_for(case)),
        "can_record": visible.can_change and housing_refusal(case) is None,
    }
    return render_page(request, "housing/housing_detail.html", context)


@with_case(change=True)
def housing_entry(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form (what is recorded already filled in). POST: the service."""
    case = visible.case
    refused = _refused(request, visible)
    if refused:
        return refused
    situation = housing_situation_of(case)
    initial = (
        {"entry_tenure": situation.entry_tenure, "left_home_on": situation.left_home_on}
        if situation
        else None
    )
    form = HousingEntryForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: housing_entry_record(
                case=case,
                recorded_by=staff_user(request),
                entry_tenure=data["entry_tenure"],
                left_home_on=data["left_home_on"],
            )
        ):
            messages.success(request, "Housing at entry recorded")
            return redirect("housing:detail", case.pk)
    return render_page(
        request,
        "housing/housing_form.html",
        {"form": form, "case": case, "title": "Housing at entry"},
    )


@with_case(change=True)
def housing_exit(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    refused = _refused(request, visible)
    if refused:
        return refused
    situation = housing_situation_of(case)
    if situation is None:
        messages.info(request, "Record the housing at entry first")
        return redirect("housing:entry", case.pk)
    initial = (
        {
            "exit_tenure": situation.exit_tenure,
            "exit_destination": situation.exit_destination,
            "settled_on": situation.settled_on,
        }
        if situation.exit_tenure
        else None
    )
    form = HousingExitForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: housing_exit_record(
                case=case,
                recorded_by=staff_user(request),
                exit_tenure=data["exit_tenure"],
                exit_destination=data["exit_destination"],
                settled_on=data["settled_on"],
            )
        ):
            messages.success(request, "Housing at exit recorded")
            return redirect("housing:detail", case.pk)
    return render_page(
        request,
        "housing/housing_form.html",
        {"form": form, "case": case, "title": "Housing at exit"},
    )


@with_case(change=True)
def outcome_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    refused = _refused(request, visible)
    if refused:
        return refused
    form = SafeHomeOutcomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: safe_home_outcome_record(
                case=case,
                recorded_by=staff_user(request),
                kind=data["kind"],
                achieved_on=data["achieved_on"],
                detail=data["detail"],
            )
        ):
            messages.success(request, "Safe Home outcome recorded")
            return redirect("housing:detail", case.pk)
    return render_page(
        request,
        "housing/housing_form.html",
        {"form": form, "case": case, "title": "Record a Safe Home outcome"},
    )
