"""A case's legal proceedings: the list, the page to record one and the page to record an
outcome (each through its service)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.govuk.forms import GovukForm
from haven.proceedings.forms import OutcomeForm, ProceedingForm
from haven.proceedings.selectors import proceeding_on, proceedings_for
from haven.proceedings.services import (
    outcome_refusal,
    proceeding_outcome_record,
    proceeding_record,
    proceeding_refusal,
)


def _may_record(visible: VisibleCase) -> bool:
    return visible.can_change and proceeding_refusal(visible.case) is None


def _refused_onto(form: GovukForm, refused: ValidationError) -> None:
    """The service's refusal on the form's fields (anything else above them)."""
    form.add_problems(refused)


@with_case()
def proceeding_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    may_record = _may_record(visible)
    context = {
        "case": case,
        "proceedings": [
            (p, may_record and outcome_refusal(p) is None) for p in proceedings_for(case)
        ],
        "can_record": may_record,
    }
    return render_page(request, "proceedings/proceeding_list.html", context)


@with_case(change=True)
def proceeding_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service, then back to the list; refusals on their fields."""
    case = visible.case
    refusal = proceeding_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect("proceedings:list", case.pk)
    form = ProceedingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proceeding_record(
                case=case,
                recorded_by=staff_user(request),
                kind=data["kind"],
                court_type=data["court_type"],
                court_name=data["court_name"],
                specialist_dv_court=data["specialist_dv_court"] == "yes",
                started_on=data["started_on"],
                next_hearing_on=data["next_hearing_on"],
                notes=data["notes"],
            )
        except ValidationError as refused:
            _refused_onto(form, refused)
        else:
            messages.success(request, "Legal proceeding recorded")
            return redirect("proceedings:list", case.pk)
    return render_page(
        request,
        "proceedings/proceeding_form.html",
        {"form": form, "case": case, "title": "Record a legal proceeding"},
    )


@with_case(change=True)
def outcome_record(request: HttpRequest, visible: VisibleCase, proceeding_id: Any) -> HttpResponse:
    """GET: the outcomes this kind of proceeding can have. POST: the service."""
    case = visible.case
    proceeding = proceeding_on(case, proceeding_id)
    refusal = outcome_refusal(proceeding)
    if refusal:
        messages.info(request, refusal)
        return redirect("proceedings:list", case.pk)
    form = OutcomeForm(request.POST if request.method == "POST" else None, kind=proceeding.kind)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            proceeding_outcome_record(
                proceeding=proceeding,
                recorded_by=staff_user(request),
                outcome=data["outcome"],
                outcome_on=data["outcome_on"],
                next_hearing_on=data.get("next_hearing_on"),
            )
        except ValidationError as refused:
            _refused_onto(form, refused)
        else:
            messages.success(request, "Outcome recorded")
            return redirect("proceedings:list", case.pk)
    return render_page(
        request,
        "proceedings/outcome_form.html",
        {
            "form": form,
            "case": case,
            "proceeding": proceeding,
            "title": "Record the outcome",
        },
    )
