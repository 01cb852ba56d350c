"""A group's week: record a session with the whole register on one form, a one-to-one session,
a session's marks, the crèche, and each person's steps (pre-group contact and assessment,
completion, drop-out). Facilitators of the group and managers of the service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audits_reads, shows_page
from haven.govuk.forms import GovukForm
from haven.programmes.forms import (
    AssessmentForm,
    CompletionForm,
    CrecheForm,
    DropOutForm,
    PreGroupContactForm,
    SessionForm,
)
from haven.programmes.models import Enrolment, ProgrammeRun, SessionFormat
from haven.programmes.selectors import enrolment_of, marks_of, run_for, session_of
from haven.programmes.services import (
    enrolment_complete,
    enrolment_drop_out,
    pre_group_assessment_record,
    pre_group_contact_record,
)
from haven.programmes.services_sessions import creche_record, register_of, session_record
from haven.programmes.views import programme_staff


def _running(request: HttpRequest, run_id: Any) -> ProgrammeRun:
    run = run_for(request.user, run_id)
    if not request.user.has_perm("programmes.run_sessions", run):
        raise PermissionDenied
    return run


def _caption(run: ProgrammeRun) -> str:
    return f"{run.programme.name}: {run.name}"


@audits_reads
@programme_staff
def session_new(request: HttpRequest, run_id: Any) -> HttpResponse:
    """The register: a group session and every person's mark on one form."""
    run = _running(request, run_id)
    if run.completed_on is not None:
        messages.info(request, "This group has finished: no more sessions are recorded")
        return redirect("programmes:run", run.pk)
    register = register_of(run)
    form = SessionForm(request.POST if request.method == "POST" else None, register=register)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: session_record(
                run=run,
                held_on=data["held_on"],
                session_format=SessionFormat.GROUP,
                duration_minutes=data["duration_minutes"],
                topic=data["topic"],
                marks=form.marks(),
                by=staff_user(request),
            )
        ):
            messages.success(request, "Session and register saved")
            return redirect("programmes:run", run.pk)
    response = render_page(
        request,
        "programmes/register.html",
        {"form": form, "run": run, "register": register, "title": "Take the register"},
    )
    if shows_page(response):
        audit_event(
            actor=request.user,
            action=AuditAction.VIEW,
            target=run,
            changes={"page": "register", "shown": [str(e.case_id) for e in register]},
        )
    return response


@audits_reads
@programme_staff
def session_detail(request: HttpRequest, run_id: Any, session_id: Any) -> HttpResponse:
    run = run_for(request.user, run_id)
    session = session_of(run, session_id)
    marks = list(marks_of(session))
    response = render_page(
        request,
        "programmes/session.html",
        {"run": run, "session": session, "marks": marks},
    )
    if shows_page(response):
        audit_event(
            actor=request.user,
            action=AuditAction.VIEW,
            target=session,
            changes={"shown": [str(m.enrolment.case_id) for m in marks]},
        )
    return response


@programme_staff
def creche_new(request: HttpRequest, run_id: Any) -> HttpResponse:
    """The crèche run beside this group on a day (seed 001 Lot 1 s8 crèche hours)."""
    run = _running(request, run_id)
    form = CrecheForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: creche_record(
                contract=run.programme.contract,
                run=run,
                held_on=data["held_on"],
                duration_minutes=data["duration_minutes"],
                children_count=data["children_count"],
                venue=data["venue"],
                by=staff_user(request),
            )
        ):
            messages.success(request, "Crèche recorded")
            return redirect("programmes:run", run.pk)
    return render_page(
        request,
        "programmes/form_page.html",
        {
            "form": form,
            "title": "Record a crèche",
            "caption": _caption(run),
            "back": ("programmes:run", run.pk),
        },
    )


type Write = Callable[[Enrolment, dict[str, Any], Any], object]


def _place_view(
    form_class: type[GovukForm], title: str, done: str, write: Write
) -> Callable[..., HttpResponse]:
    """A page about one person's place on the group: the form, then the service."""

    @audits_reads
    @programme_staff
    def view(request: HttpRequest, run_id: Any, enrolment_id: Any) -> HttpResponse:
        run = _running(request, run_id)
        enrolment = enrolment_of(run, enrolment_id)
        form = form_class(request.POST if request.method == "POST" else None)
        if (
            request.method == "POST"
            and form.is_valid()
            and form.saved_by(lambda: write(enrolment, form.cleaned_data, staff_user(request)))
        ):
            messages.success(request, done)
            return redirect("programmes:run", run.pk)
        response = render_page(
            request,
            "programmes/form_page.html",
            {
                "form": form,
                "title": title,
                "caption": f"{enrolment.case.person.reference_code}, {_caption(run)}",
                "back": ("programmes:run", run.pk),
            },
        )
        if shows_page(response):
            audit_event(actor=request.user, action=AuditAction.VIEW, target=enrolment.case)
        return response

    return view


place_contact = _place_view(
    PreGroupContactForm,
    "Record a pre-group contact",
    "Pre-group contact recorded",
    lambda e, d, by: pre_group_contact_record(
        enrolment=e, contacted_on=d["contacted_on"], method=d["method"], by=by
    ),
)
place_assessment = _place_view(
    AssessmentForm,
    "Record the pre-group assessment",
    "Pre-group assessment recorded",
    lambda e, d, by: pre_group_assessment_record(
        enrolment=e, assessed_on=d["assessed_on"], suitable=d["suitable"] == "yes", by=by
    ),
)
place_complete = _place_view(
    CompletionForm,
    "Record that they completed the programme",
    "Completion recorded",
    lambda e, d, by: enrolment_complete(enrolment=e, completed_on=d["completed_on"], by=by),
)
place_drop_out = _place_view(
    DropOutForm,
    "Record that they left the group",
    "Drop-out recorded",
    lambda e, d, by: enrolment_drop_out(
        enrolment=e, ended_on=d["ended_on"], reason=d["reason"], detail=d["detail"], by=by
    ),
)


@audits_reads
@programme_staff
def one_to_one(request: HttpRequest, run_id: Any, enrolment_id: Any) -> HttpResponse:
    """A one-to-one session with one person on the group (seed 001 Lot 4 s5)."""
    run = _running(request, run_id)
    enrolment = enrolment_of(run, enrolment_id)
    form = SessionForm(request.POST if request.method == "POST" else None, register=[enrolment])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: session_record(
                run=run,
                held_on=data["held_on"],
                session_format=SessionFormat.ONE_TO_ONE,
                enrolment=enrolment,
                duration_minutes=data["duration_minutes"],
                topic=data["topic"],
                marks=form.marks(),
                by=staff_user(request),
            )
        ):
            messages.success(request, "One-to-one session recorded")
            return redirect("programmes:run", run.pk)
    response = render_page(
        request,
        "programmes/form_page.html",
        {
            "form": form,
            "title": "Record a one-to-one session",
            "caption": f"{enrolment.case.person.reference_code}, {_caption(run)}",
            "back": ("programmes:run", run.pk),
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=enrolment.case)
    return response
