"""Keeping staff records and the training catalogue: a worker's leaving (seed 004 s10:
turnover), the link of a record to a Haven login, the organisation's courses and the training
sessions held (seed 001 Lot 3 s8). For the organisation's team leaders and service managers."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.workforce.forms import (
    CourseForm,
    LeavingForm,
    LoginLinkForm,
    SessionForm,
    StaffMemberForm,
)
from haven.workforce.models import StaffMember
from haven.workforce.selectors import (
    courses_of,
    current_staff,
    linkable_users,
    managed_staff,
    organisation_for_records,
    posts_in_force,
    staff_for,
)
from haven.workforce.services import (
    course_create,
    staff_member_leave,
    staff_member_link_user,
    staff_member_update,
    training_session_record,
)


def _staff_to_keep(request: HttpRequest, staff_id: Any) -> StaffMember:
    member = staff_for(request.user, staff_id)
    if not request.user.has_perm("workforce.record", member):
        raise PermissionDenied
    return member


def _audited_page(
    request: HttpRequest, member: StaffMember, template: str, context: dict[str, Any]
) -> HttpResponse:
    response = render_page(request, template, {"staff": member, **context})
    if shows_page(response):  # the page names the worker
        audit_event(actor=request.user, action=AuditAction.VIEW, target=member)
    return response


@audits_reads
@login_required
def staff_leave(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Record the worker's last day in post and why they left (seed 004 s10: turnover)."""
    member = _staff_to_keep(request, staff_id)
    form = LeavingForm(
        request.POST if request.method == "POST" else None,
        initial={"left_on": member.left_on, "reason": member.leaving_reason},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: staff_member_leave(
                staff=member,
                left_on=form.cleaned_data["left_on"],
                reason=form.cleaned_data["reason"],
                recorded_by=staff_user(request),
            )
        )
    ):
        messages.success(request, "Leaving recorded")
        return redirect("workforce:staff", member.pk)
    return _audited_page(
        request, member, "workforce/record_form.html", {"form": form, "title": "Record leaving"}
    )


@audits_reads
@login_required
def staff_edit(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Change a record's details: name, job, contract, FTE, role, start, and the post in the
    workforce plan they fill (seed 004 s10: vacancy and plan against actual)."""
    member = _staff_to_keep(request, staff_id)
    in_force = list(posts_in_force(member.organisation_id, timezone.localdate()))
    # the post they fill stays offered after it ends, so the form keeps it unless changed
    held = [member.post] if member.post and member.post not in in_force else []
    form = StaffMemberForm(
        request.POST if request.method == "POST" else None,
        initial=StaffMemberForm.initial_of(member),
        posts=[*in_force, *held],
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: staff_member_update(
                staff=member, changed_by=staff_user(request), **form.details()
            )
        )
    ):
        messages.success(request, "Details changed")
        return redirect("workforce:staff", member.pk)
    return _audited_page(
        request,
        member,
        "workforce/staff_form.html",
        {"form": form, "organisation": member.organisation, "title": "Change details"},
    )


@audits_reads
@login_required
def staff_login(request: HttpRequest, staff_id: Any) -> HttpResponse:
    """Link the record to the worker's Haven login, or unlink it."""
    member = _staff_to_keep(request, staff_id)
    users = {str(u.pk): u for u in linkable_users(member)}
    posted = request.method == "POST"
    if posted and "unlink" in request.POST:
        staff_member_link_user(staff=member, user=None, recorded_by=staff_user(request))
        messages.success(request, "Login unlinked")
        return redirect("workforce:staff", member.pk)
    form = LoginLinkForm(request.POST if posted else None, users=users.values())
    if (
        posted
        and form.is_valid()
        and form.saved_by(
            lambda: staff_member_link_user(
                staff=member, user=users[form.cleaned_data["user"]], recorded_by=staff_user(request)
            )
        )
    ):
        messages.success(request, "Login linked")
        return redirect("workforce:staff", member.pk)
    return _audited_page(
        request, member, "workforce/login_form.html", {"form": form, "title": "Haven login"}
    )


@login_required
def courses(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """The organisation's training courses: mandatory for whom, renewal period."""
    organisation = organisation_for_records(request.user, organisation_id)
    return render_page(
        request,
        "workforce/courses.html",
        {"organisation": organisation, "courses": list(courses_of(organisation.pk))},
    )


@login_required
def course_add(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """Add a course to the training catalogue (seed 004 s10)."""
    organisation = organisation_for_records(request.user, organisation_id)
    form = CourseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: course_create(
                organisation=organisation,
                name=data["name"],
                mandatory_for_staff="staff" in data["mandatory_for"],
                mandatory_for_volunteers="volunteers" in data["mandatory_for"],
                renewal_months=data["renewal_months"],
                created_by=staff_user(request),
            )
        ):
            messages.success(request, "Course added")
            return redirect("workforce:courses", organisation.pk)
    return render_page(
        request,
        "workforce/post_form.html",
        {"form": form, "organisation": organisation, "title": "Add a course"},
    )


@audits_reads
@login_required
def session_add(request: HttpRequest, organisation_id: Any) -> HttpResponse:
    """Record a training session held and who attended (seed 001 Lot 3 s8); each attendee's
    completion follows from it."""
    organisation = organisation_for_records(request.user, organisation_id)
    today = timezone.localdate()
    staff = list(
        current_staff(managed_staff(request.user), today).filter(organisation=organisation)
    )
    by_id = {str(s.pk): s for s in staff}
    catalogue = {str(c.pk): c for c in courses_of(organisation.pk)}
    form = SessionForm(
        request.POST if request.method == "POST" else None,
        courses=catalogue.values(),
        staff=staff,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: training_session_record(
                course=catalogue[data["course"]],
                held_on=data["held_on"],
                attendees=[by_id[pk] for pk in data["attendees"]],
                recorded_by=staff_user(request),
            )
        ):
            messages.success(request, "Training session recorded")
            return redirect("workforce:courses", organisation.pk)
    response = render_page(
        request,
        "workforce/post_form.html",
        {"form": form, "organisation": organisation, "title": "Record a training session"},
    )
    if shows_page(response):  # the attendees to choose from are named
        audit_list_view(
            user=request.user,
            object_type="workforce.staffmember",
            shown=list(by_id),
            page="workforce:session_add",
        )
    return response
