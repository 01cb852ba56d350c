"""A case's support sessions: the list, and the page to record one (through the service)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase, staff_for_case
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.support.forms import SupportSessionForm
from haven.support.selectors import sessions_for
from haven.support.services import support_session_record, support_session_refusal


def _may_record(visible: VisibleCase) -> bool:
    return visible.can_change and support_session_refusal(visible.case) is None


@with_case()
def session_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    sessions = list(sessions_for(case))
    context = {
        "case": case,
        "sessions": sessions,
        "total_minutes": sum(s.duration_minutes for s in sessions),
        "can_record": _may_record(visible),
    }
    return render_page(request, "support/session_list.html", context)


@with_case(change=True)
def session_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service, then back to the sessions; refusals on their fields."""
    case = visible.case
    refusal = support_session_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect("support:list", case.pk)
    user = staff_user(request)
    form = SupportSessionForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        staff=list(staff_for_case(case)),
        signed_in=user,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            support_session_record(
                case=case,
                recorded_by=user,
                delivered_at=data["delivered_at"],
                mode=data["mode"],
                delivered_by=data["delivered_by"],
                session_with=data["session_with"],
                duration_minutes=data["duration_minutes"],
                covered=frozenset(data["covered"]),
                notes=data["notes"],
            )
        except ValidationError as refused:
            problems = refused.message_dict if hasattr(refused, "error_dict") else {}
            for field, errors in problems.items() or [(None, refused.messages)]:
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Support session recorded")
            return redirect(reverse("support:list", args=[case.pk]))
    return render_page(
        request,
        "support/session_form.html",
        {"form": form, "case": case, "title": "Record a support session"},
    )
