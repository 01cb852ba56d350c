"""The workforce pages: the team list (team leaders and service managers), a worker's own
status, a staff record with its supervision, vetting, training and sickness, the forms that
record them, and the bi-annual workforce figures with their CSV (service managers).

HR data is personal data of staff: pages take uuids only and audit every read."""

from __future__ import annotations

import csv
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.rules import is_provider_staff
from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.workforce import presenters
from haven.workforce.forms import (
    SicknessForm,
    StaffEqualityForm,
    StaffMemberForm,
    SupervisionForm,
    TrainingForm,
    VettingForm,
)
from haven.workforce.models import SicknessAbsence, StaffMember, Supervision
from haven.workforce.selectors import (
    courses_of,
    figures_organisations,
    managed_organisations,
    managed_staff,
    organisation_for_figures,
    organisation_for_records,
    own_record,
    post_for,
    posts_in_force,
    session_for,
    staff_for,
    staff_of_record,
    status_rows,
    workforce_rows,
)
from haven.workforce.services import (
    STAFF_EQUALITY_FIELDS,
    sickness_record,
    staff_equality_set,
    staff_member_create,
    supervision_record,
    training_complete,
    vetting_record,
)


@audits_reads
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Team leaders and service managers: the staff and volunteers of their organisations with
    their next supervision, vetting and training; anyone else goes to their own status."""
    if not request.user.has_perm("workforce.view_team"):
        if not is_provider_staff(request.user):
            raise PermissionDenied
        return redirect("workforce:mine")
    today = timezone.localdate()
    rows = status_rows(managed_staff(request.user), today)
    current = [r for r in rows if r.staff.left_on is None or r.staff.left_on >= today]
    response = render_page(
        request,
        "workforce/index.html",
        {
            "rows": current,
            "figures_organisations": figures_organisations(request.user),
            "add_to": [
                o
                for o in managed_organisations(request.user)
                if request.user.has_perm("workforce.record", o)
            ],
            "own": own_record(request.user),
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="workforce.staffmember",
            shown=[r.staff.pk for r in current],
            page="workforce:index",
        )
    return response


@audits_reads
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    """A worker's own supervision, vetting and training status (the provider's staff only: a
    commissioner or partner agency has no staff record here)."""
    if not is_provider_staff(request.user):
        raise PermissionDenied
    own = own_record(request.user)
    if own is None:
        return render_page(request, "workforce/mine.html", {"row": None})
    return _record_page(request, own, template="workforce/mine.html")


@audits_reads
@login_required
def staff(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """One staff record (the worker themself, or a manager of its organisation)."""
    return _record_page(request, staff_for(request.user, staff_id), template="workforce/staff.html")


def _record_page(request: HttpRequest, member: StaffMember, *, template: str) -> HttpResponse:
    row = status_rows([member])[0]
    may_record = request.user.has_perm("workforce.record", member)
    response = render_page(
        request,
        template,
        {
            "row": row,
            "staff": member,
            "supervisions": list(member.supervisions.select_related("supervisor")[:20]),
            "vettings": list(member.vettings.all()[:10]),
            "completions": list(member.training_completions.select_related("course")[:50]),
            "absences": list(member.sickness_absences.all()[:20]),
            "may_record": may_record,
            "leaving_reason": member.get_leaving_reason_display() if member.leaving_reason else "",
            "may_set_equality": request.user.has_perm("workforce.set_equality", member),
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=member)
    return response


def _record_form(
    request: HttpRequest,
    staff_id: Any,
    *,
    title: str,
    form_class: Callable[..., Any],
    save: Callable[[StaffMember, dict[str, Any]], object],
    done: str,
    **form_kwargs: Any,
) -> HttpResponse:
    member = staff_for(request.user, staff_id)
    if not request.user.has_perm("workforce.record", member):
        raise PermissionDenied
    form = form_class(request.POST if request.method == "POST" else None, **form_kwargs)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(lambda: save(member, form.cleaned_data))
    ):
        messages.success(request, done)
        return redirect("workforce:staff", member.pk)
    response = render_page(
        request, "workforce/record_form.html", {"form": form, "staff": member, "title": title}
    )
    if shows_page(response):  # the form names the worker
        audit_event(actor=request.user, action=AuditAction.VIEW, target=member)
    return response


@audits_reads
@login_required
def supervision_add(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Record a supervision (seed 000 s12, seed 004 s13: every 6 weeks)."""
    return _record_form(
        request,
        staff_id,
        title="Record a supervision",
        form_class=SupervisionForm,
        save=lambda member, data: supervision_record(
            staff=member,
            held_on=data["held_on"],
            kind=data["kind"],
            recorded_by=staff_user(request),
        ),
        done="Supervision recorded",
    )


@audits_reads
@login_required
def vetting_add(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Record a vetting clearance (seed 002 Lot 1 s12, s15)."""
    return _record_form(
        request,
        staff_id,
        title="Record vetting",
        form_class=VettingForm,
        save=lambda member, data: vetting_record(
            staff=member,
            level=data["level"],
            issued_on=data["issued_on"],
            expires_on=data["expires_on"],
            recorded_by=staff_user(request),
        ),
        done="Vetting recorded",
    )


@audits_reads
@login_required
def training_add(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Record a course completed (its expiry follows from the course's renewal period)."""
    member = staff_for(request.user, staff_id)
    courses = list(courses_of(member.organisation_id))
    by_id = {str(c.pk): c for c in courses}
    return _record_form(
        request,
        staff_id,
        title="Record training completed",
        form_class=TrainingForm,
        save=lambda member, data: training_complete(
            staff=member,
            course=by_id[data["course"]],
            completed_on=data["completed_on"],
            recorded_by=staff_user(request),
        ),
        done="Training recorded",
        courses=courses,
    )


@audits_reads
@login_required
def sickness_add(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Record a sickness absence (seed 004 s10)."""
    return _record_form(
        request,
        staff_id,
        title="Record sickness absence",
        form_class=SicknessForm,
        save=lambda member, data: sickness_record(
            staff=member,
            first_day=data["first_day"],
            last_day=data["last_day"],
            reason=data["reason"],
            recorded_by=staff_user(request),
        ),
        done="Sickness absence recorded",
    )


@audits_reads
@login_required
def equality(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """The worker's or volunteer's equality answers (seed 001 s14)."""
    member = staff_for(request.user, staff_id)
    if not request.user.has_perm("workforce.set_equality", member):
        raise PermissionDenied
    initial = {name: getattr(member, name) for name in STAFF_EQUALITY_FIELDS}
    form = StaffEqualityForm(
        request.POST if request.method == "POST" else None,
        initial={**initial, "date_of_birth": member.date_of_birth},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: staff_equality_set(
                staff=member,
                answers=form.answers(),
                date_of_birth=form.cleaned_data.get("date_of_birth"),
                recorded_by=staff_user(request),
            )
        )
    ):
        messages.success(request, "Equality answers saved")
        return redirect("workforce:staff", member.pk)
    response = render_page(
        request,
        "workforce/record_form.html",
        {"form": form, "staff": member, "title": "Equality monitoring"},
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=member)
    return response


@login_required
def staff_add(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """Add a member of staff or a volunteer (team leaders and service managers)."""
    organisation = organisation_for_records(request.user, organisation_id)
    form = StaffMemberForm(
        request.POST if request.method == "POST" else None,
        posts=posts_in_force(organisation.pk, timezone.localdate()),
    )
    if request.method == "POST" and form.is_valid():
        saved: list[StaffMember] = []
        if form.saved_by(
            lambda: saved.append(
                staff_member_create(
                    organisation=organisation, created_by=staff_user(request), **form.details()
                )
            )
        ):
            messages.success(request, "Record added")
            return redirect("workforce:staff", saved[0].pk)
    return render_page(
        request,
        "workforce/staff_form.html",
        {"form": form, "organisation": organisation, "title": "Add staff or a volunteer"},
    )


@audits_reads
@login_required
def figures(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """The bi-annual workforce figures (seed 004 s10), for the organisation's service managers."""
    organisation = organisation_for_figures(request.user, organisation_id)
    today = timezone.localdate()
    period = presenters.parse_half_year(request.GET.get("period"), today)
    if period is None:
        raise Http404
    rows = workforce_rows(organisation.pk)
    response = render_page(
        request,
        "workforce/figures.html",
        {
            "organisation": organisation,
            "period": period,
            "periods": presenters.previous_periods(presenters.half_year_of(today)),
            "lines": presenters.workforce_figures(rows, period, today),
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="workforce.staffmember",
            shown=[],
            page="workforce:figures",
        )
    return response


@audits_reads
@login_required
def figures_csv(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """The figures as CSV (figures only: no names)."""
    organisation = organisation_for_figures(request.user, organisation_id)
    today = timezone.localdate()
    period = presenters.parse_half_year(request.GET.get("period"), today)
    if period is None:
        raise Http404
    lines = presenters.workforce_figures(workforce_rows(organisation.pk), period, today)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="workforce-{period.code}.csv"'
    response["Cache-Control"] = "no-store"
    writer = csv.writer(response)
    writer.writerow(["organisation", "period", "figure", "value", "unit", "note"])
    for line in lines:
        value = "" if line.value is None else f"{line.value:.4f}"
        writer.writerow([organisation.name, period.code, line.label, value, line.unit, line.note])
    audit_event(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=organisation,
        changes={"page": "workforce:figures_csv", "period": period.code},
    )
    return response


# --- the returns' drill-down (reporting.presenters.SERVICE_RECORD_URLS) -------------------------


@login_required
def supervision(request: HttpRequest, record_id: Any) -> HttpResponse:
    return redirect("workforce:staff", staff_of_record(request.user, Supervision, record_id).pk)


@login_required
def absence(request: HttpRequest, record_id: Any) -> HttpResponse:
    member = staff_of_record(request.user, SicknessAbsence, record_id)
    return redirect("workforce:staff", member.pk)


@login_required
def session(request: HttpRequest, record_id: Any) -> HttpResponse:
    """A training session's course and date (no attendees' names)."""
    found = session_for(request.user, record_id)
    return render_page(request, "workforce/session.html", {"session": found})


@login_required
def post(request: HttpRequest, record_id: Any) -> HttpResponse:
    """A post of the workforce plan (service managers)."""
    found = post_for(request.user, record_id)
    return render_page(
        request,
        "workforce/post.html",
        {"post": found, "may_edit": request.user.has_perm("workforce.record", found)},
    )
