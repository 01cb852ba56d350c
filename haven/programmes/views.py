"""Programme pages for staff of the providing organisation: the list, a programme with its runs,
a run (group) with its people, sessions and crèches; and setting up programmes and runs (team
leaders and service managers)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.programmes.forms import CompletionForm, ProgrammeForm, RunForm
from haven.programmes.models import ProgrammeKind
from haven.programmes.selectors import (
    contract_managed,
    contracts_managed_by,
    creches_of,
    enrolments_of,
    liaison_summaries,
    programme_for,
    programmes_for,
    run_for,
    runs_of,
    sessions_of,
    staff_of,
)
from haven.programmes.services import programme_create, run_complete, run_create

type View = Callable[..., HttpResponse]


def programme_staff(view: View) -> View:
    """Signed in, and a caseworker, team leader or service manager (or superuser)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("programmes.view_index"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@audits_reads
@programme_staff
def index(request: HttpRequest) -> HttpResponse:
    """The programmes and groups of the user's services."""
    programmes = list(programmes_for(request.user))
    response = render_page(
        request,
        "programmes/index.html",
        {"programmes": programmes, "may_add": bool(contracts_managed_by(request.user))},
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="programmes.programme",
            shown=[p.pk for p in programmes],
            page="programmes:index",
        )
    return response


@programme_staff
def programme_new(request: HttpRequest) -> HttpResponse:
    contracts = contracts_managed_by(request.user)
    if not contracts:
        raise PermissionDenied
    form = ProgrammeForm(request.POST if request.method == "POST" else None, contracts=contracts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contract = contract_managed(request.user, data["contract"])
        if contract is None:
            raise Http404
        saved: list[Any] = []
        if form.saved_by(
            lambda: saved.append(
                programme_create(
                    contract=contract,
                    kind=data["kind"],
                    name=data["name"],
                    min_weeks=data["min_weeks"],
                    min_sessions=data["min_sessions"],
                    created_by=staff_user(request),
                )
            )
        ):
            messages.success(request, "Programme added")
            return redirect("programmes:programme", saved[0].pk)
    return render_page(
        request, "programmes/form_page.html", {"form": form, "title": "Add a programme"}
    )


@audits_reads
@programme_staff
def programme_detail(request: HttpRequest, programme_id: Any) -> HttpResponse:
    programme = programme_for(request.user, programme_id)
    runs = list(runs_of(programme))
    response = render_page(
        request,
        "programmes/programme.html",
        {
            "programme": programme,
            "runs": runs,
            "may_manage": request.user.has_perm("programmes.manage_programmes", programme),
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=programme)
    return response


@programme_staff
def run_new(request: HttpRequest, programme_id: Any) -> HttpResponse:
    programme = programme_for(request.user, programme_id)
    if not request.user.has_perm("programmes.manage_programmes", programme):
        raise PermissionDenied
    staff = staff_of(programme)
    form = RunForm(request.POST if request.method == "POST" else None, staff=staff)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = [u for u in staff if str(u.pk) in data["facilitators"]]
        saved: list[Any] = []
        if form.saved_by(
            lambda: saved.append(
                run_create(
                    programme=programme,
                    name=data["name"],
                    starts_on=data["starts_on"],
                    planned_end_on=data["planned_end_on"],
                    venue=data["venue"],
                    facilitators=chosen,
                    created_by=staff_user(request),
                )
            )
        ):
            messages.success(request, "Group added")
            return redirect("programmes:run", saved[0].pk)
    return render_page(
        request,
        "programmes/form_page.html",
        {"form": form, "title": "Add a group", "caption": programme.name},
    )


@audits_reads
@programme_staff
def run_detail(request: HttpRequest, run_id: Any) -> HttpResponse:
    """A group: its people (reference codes, status, sessions attended and, on a perpetrator
    programme, only the partner liaison summary), its sessions and crèches."""
    run = run_for(request.user, run_id)
    enrolments = list(enrolments_of(run))
    perpetrator = run.programme.kind == ProgrammeKind.PERPETRATOR
    liaison = liaison_summaries([e.pk for e in enrolments]) if perpetrator else {}
    response = render_page(
        request,
        "programmes/run.html",
        {
            "run": run,
            "programme": run.programme,
            "enrolments": enrolments,
            "liaison": liaison,
            "perpetrator": perpetrator,
            "sessions": list(sessions_of(run)),
            "creches": list(creches_of(run)),
            "facilitators": list(run.facilitators.all()),
            "may_run": request.user.has_perm("programmes.run_sessions", run),
        },
    )
    if shows_page(response):
        audit_event(
            actor=request.user,
            action=AuditAction.VIEW,
            target=run,
            changes={"shown": [str(e.case_id) for e in enrolments]},
        )
    return response


@programme_staff
def run_finish(request: HttpRequest, run_id: Any) -> HttpResponse:
    """Record that the group has finished (a facilitator or manager)."""
    run = run_for(request.user, run_id)
    if not request.user.has_perm("programmes.run_sessions", run):
        raise PermissionDenied
    if run.completed_on is not None:
        messages.info(request, "This group is recorded as completed already")
        return redirect("programmes:run", run.pk)
    form = CompletionForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: run_complete(
                run=run, completed_on=form.cleaned_data["completed_on"], by=staff_user(request)
            )
        )
    ):
        messages.success(request, "Group recorded as completed")
        return redirect("programmes:run", run.pk)
    return render_page(
        request,
        "programmes/form_page.html",
        {
            "form": form,
            "title": "Record that the group has finished",
            "caption": f"{run.programme.name}: {run.name}",
            "back": ("programmes:run", run.pk),
        },
    )
