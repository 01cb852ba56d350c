"""Record what a profile requires before closure (exit interview, onward referral, needs
reassessment), and the links to each step not yet done."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.accounts.signed_in import Viewer, staff_user
from haven.casework.forms.exit_steps import (
    ExitInterviewForm,
    ExitStepForm,
    NeedsReassessmentForm,
)
from haven.casework.forms.needs_areas import area_values
from haven.casework.selectors import VisibleCase
from haven.casework.services import (
    ExitStepRefusedError,
    exit_interview_record,
    exit_step_refusal,
    needs_areas,
    needs_reassessment_record,
)
from haven.casework.services.closure import ExitRequirement
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.rendering import render_page

# Each requirement's page, and the link text that offers it.
RECORD_LINKS = {
    "exit_risk_assessment": ("risk:complete", "Record the exit risk assessment", "?stage=exit"),
    "exit_interview": ("casework:exit_interview", "Record the exit interview", ""),
    "onward_referral": ("casework:onward_referral", "Record an onward referral", ""),
    "needs_reassessment": (
        "casework:needs_reassessment",
        "Record the needs reassessment before closure",
        "",
    ),
}


def record_links(
    user: Viewer, visible: VisibleCase, requirements: list[ExitRequirement]
) -> dict[str, tuple[str, str]]:
    """Requirement key to (link text, url) for each one not done, while the user may record it."""
    if not visible.can_change or exit_step_refusal(visible.case):
        return {}
    links = {}
    for requirement in requirements:
        if requirement.done or requirement.key not in RECORD_LINKS:
            continue
        if requirement.key == "exit_risk_assessment" and not user.has_perm(
            "risk.complete_assessment", visible.case
        ):
            continue
        name, text, query = RECORD_LINKS[requirement.key]
        links[requirement.key] = (text, reverse(name, args=[visible.case.pk]) + query)
    return links


def record_step(
    request: HttpRequest,
    visible: VisibleCase,
    *,
    form_class: type[ExitStepForm],
    title: str,
    save: Any,
    done: str,
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """GET: the form. POST: the service, then back to the case; field errors stay on the page."""
    case = visible.case
    refusal = exit_step_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = form_class(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        **(form_kwargs or {}),
    )
    if request.method == "POST" and form.is_valid():
        try:
            save(case, form.cleaned_data)
        except ExitStepRefusedError as refused:
            field = refused.field if refused.field in form.fields else None
            form.add_error(field, str(refused))
        else:
            messages.success(request, done)
            return redirect(case_url(visible))
    return render_page(
        request, "casework/exit_step_form.html", {"form": form, "case": case, "title": title}
    )


@with_case(change=True)
def exit_interview(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    def save(case: Any, data: dict[str, Any]) -> None:
        exit_interview_record(
            case=case,
            recorded_by=staff_user(request),
            held_at=data["held_at"],
            method=data["method"],
            summary=data["summary"],
        )

    return record_step(
        request,
        visible,
        form_class=ExitInterviewForm,
        title="Record the exit interview",
        save=save,
        done="Exit interview recorded",
    )


@with_case(change=True)
def needs_reassessment(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    # the profile's areas, when it defines them, are scored again (distance travelled)
    areas = needs_areas(visible.case)

    def save(case: Any, data: dict[str, Any]) -> None:
        levels, notes = area_values(data, areas)
        needs_reassessment_record(
            case=case,
            recorded_by=staff_user(request),
            assessed_at=data["assessed_at"],
            summary=data["summary"],
            levels=levels if areas else None,
            notes=notes,
        )

    return record_step(
        request,
        visible,
        form_class=NeedsReassessmentForm,
        title="Record the needs reassessment before closure",
        save=save,
        done="Needs reassessment recorded",
        form_kwargs={"areas": areas},
    )
