"""Restorative justice pages: on a case, the referral and its next step; for team leaders and
service managers, the index of processes on the cases they may open (seed 002 s3.10)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.rules import record_refusal
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.restorative.forms import ReferralForm, StepForm
from haven.restorative.selectors import facilitators_for, process_on, processes_for
from haven.restorative.services import NEXT, rj_referral_create, rj_step_record

type View = Callable[..., HttpResponse]


def oversees(view: View) -> View:
    """Signed in, and a team leader or service manager (or superuser)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("restorative.view_processes"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@audits_reads
@oversees
def process_list(request: HttpRequest) -> HttpResponse:
    """Every restorative justice process on a case the viewer may open, latest first."""
    processes = list(processes_for(request.user)[:500])
    response = render_page(request, "restorative/process_list.html", {"processes": processes})
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="restorative.restorativeprocess",
            shown=[p.pk for p in processes],
            page="restorative:index",
        )
    return response


def _closed(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    refusal = record_refusal(visible.case)
    if refusal:
        messages.info(request, refusal)
        return redirect("casework:detail", visible.case.pk)
    return None


@with_case(change=True)
def refer(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """Refer the victim for restorative justice, at their own request."""
    case = visible.case
    if (closed := _closed(request, visible)) is not None:
        return closed
    form = ReferralForm(
        request.POST if request.method == "POST" else None, facilitators=facilitators_for(case)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: rj_referral_create(
                case=case,
                referred_by=staff_user(request),
                victim_requested=data["victim_requested"] == "yes",
                requested_on=data["requested_on"],
                offender_admitted=data["offender_admitted"] == "yes",
                contact_type=data["contact_type"],
                sensitive_offence=data["sensitive_offence"],
                exceptional_justification=data["exceptional_justification"],
                facilitator=data["facilitator"],
                facilitator_experienced=data["facilitator_experienced"] == "yes",
            )
        ):
            messages.success(request, "Restorative justice referral recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "restorative/form.html",
        {"form": form, "case": case, "title": "Refer for restorative justice"},
    )


@with_case(change=True)
def step(request: HttpRequest, visible: VisibleCase, process_id: Any) -> HttpResponse:
    """Record the next step of a process: suitability, preparation, held, follow-up, close."""
    case = visible.case
    process = process_on(case, process_id)
    if (closed := _closed(request, visible)) is not None:
        return closed
    next_stages = NEXT.get(process.stage, ())
    if not next_stages:
        messages.info(request, "This restorative justice process has ended")
        return redirect("casework:detail", case.pk)
    form = StepForm(request.POST if request.method == "POST" else None, next_stages=next_stages)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: rj_step_record(
                process=process,
                recorded_by=staff_user(request),
                to=data["to"],
                note=data["note"],
                held_on=data.get("held_on"),
                outcome=data.get("outcome") or "",
                victim_view=data.get("victim_view") or "",
            )
        ):
            messages.success(request, "Restorative justice step recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "restorative/form.html",
        {
            "form": form,
            "case": case,
            "process": process,
            "title": "Record the next restorative justice step",
        },
    )
