"""Change state, allocate, restrict and manage named staff, close: each through its service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.allocation_warnings import allocation_warnings
from haven.casework.forms.case_actions import (
    OTHER,
    AllocationForm,
    CloseCaseForm,
    NamedStaffForm,
    RestrictionForm,
    StateChangeForm,
)
from haven.casework.forms.waiting_list import waiting_values
from haven.casework.presenters_allocation import caseload_labels, suggested_choices
from haven.casework.selectors import (
    AllocationChoice,
    VisibleCase,
    allocation_choices,
    named_staff,
    other_unrestricted_cases,
    staff_for_case,
)
from haven.casework.selectors_allocation import allocation_advice
from haven.casework.services import (
    AllocationRefusedError,
    ClosureRefusedError,
    case_access_grant,
    case_access_revoke,
    case_allocate,
    case_close,
    case_next_states,
    case_restriction_set,
    case_state_change,
    exit_requirements,
    waiting_list_exemption,
)
from haven.casework.transitions import TransitionRefusedError, allowed_next_states
from haven.casework.views.case_access import after_action, case_url, with_case
from haven.casework.views.exit_steps import record_links
from haven.casework.views.rendering import render_page


@with_case(change=True)
def state_change(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    states = case_next_states(case)
    if not states:
        messages.info(request, "No change of state is open for this case now")
        return redirect(case_url(visible))
    form = StateChangeForm(request.POST if request.method == "POST" else None, states=states)
    if request.method == "POST" and form.is_valid():
        try:
            case_state_change(
                case=case,
                to_state=form.cleaned_data["to_state"],
                changed_by=staff_user(request),
                reason=form.cleaned_data["reason"],
                not_contactable_reason=form.cleaned_data["not_contactable_reason"] or "",
                **waiting_values(form),
            )
        except TransitionRefusedError as refused:
            form.add_error("to_state", str(refused))
        except ValidationError as refused:
            for field, problems in refused.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            messages.success(request, "Case state changed")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/state_form.html",
        {"form": form, "case": case, "waiting_block": waiting_list_exemption(case)},
    )


@with_case(manage=True)
def allocate(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    current = AllocationChoice(case.team, case.allocated_to)
    choices = allocation_choices(case)
    advice = allocation_advice(case, choices)
    form = AllocationForm(
        request.POST if request.method == "POST" else None,
        choices=choices,
        suggested=suggested_choices(advice),
        labels=caseload_labels(advice),
        initial={"allocation": current.value, "suggestion": OTHER if case.allocated_to else None},
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.chosen()
        try:
            case_allocate(
                case=case,
                allocated_by=staff_user(request),
                allocated_to=chosen.worker,
                team=chosen.team,
            )
        except AllocationRefusedError as refused:
            form.add_error("allocation", str(refused))
        else:
            chosen_worker = [chosen.worker] if chosen.worker else []
            for warning in allocation_warnings(case, chosen_worker):
                messages.warning(request, warning)
            return after_action(request, case.pk, f"Case allocated to {chosen.label}")
    workers = [choice.worker for choice in choices if choice.worker]
    context = {
        "form": form,
        "case": case,
        "warnings": allocation_warnings(case, workers),
        "advice": advice,
    }
    return render_page(request, "casework/allocate_form.html", context)


@with_case(manage=True)
def restriction(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    staff = staff_for_case(case)
    form = RestrictionForm(initial={"restricted": "yes" if case.is_restricted else "no"})
    staff_form = NamedStaffForm(staff=staff)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "restriction":
            form = RestrictionForm(request.POST)
            if form.is_valid():
                case_restriction_set(
                    case=case,
                    restricted=form.cleaned_data["restricted"] == "yes",
                    changed_by=staff_user(request),
                    reason=form.cleaned_data["reason"],
                )
                messages.success(request, "Restriction updated")
                return redirect(request.path)
        elif action == "add":
            staff_form = NamedStaffForm(request.POST, staff=staff)
            if staff_form.is_valid():
                case_access_grant(
                    case=case, user=staff_form.cleaned_data["user"], granted_by=staff_user(request)
                )
                messages.success(request, "Named staff updated")
                return redirect(request.path)
        elif action == "remove":
            remove_form = NamedStaffForm(request.POST, staff=staff)
            if remove_form.is_valid():
                case_access_revoke(
                    case=case, user=remove_form.cleaned_data["user"], revoked_by=staff_user(request)
                )
                # removing oneself from a restricted case may leave it closed to one
                return after_action(request, case.pk, "Named staff updated", back=request.path)
            return redirect(request.path)
    context = {
        "form": form,
        "staff_form": staff_form,
        "case": case,
        "named": named_staff(case),
        "other_cases": 0 if case.is_restricted else other_unrestricted_cases(case),
    }
    return render_page(request, "casework/restriction_form.html", context)


@with_case(change=True)
def close(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    if "closed" not in allowed_next_states(case.state):
        messages.info(request, "This case is already closed")
        return redirect(case_url(visible))
    requirements = exit_requirements(case)
    form = CloseCaseForm(
        request.POST if request.method == "POST" else None,
        requirements=requirements,
        profile=case.contract.profile,
    )
    if request.method == "POST" and form.is_valid():
        try:
            case_close(
                case=case,
                closed_by=staff_user(request),
                exit_type=form.cleaned_data["exit_type"],
                exit_reason=form.cleaned_data["exit_reason"],
                not_contactable_reason=form.cleaned_data["not_contactable_reason"] or "",
                reason=form.cleaned_data["reason"],
                overrides=form.overrides(),
            )
        except ClosureRefusedError as refused:
            for key, problem in refused.problems.items():
                field = key if key in form.fields else f"override_{key}"
                form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, "Case closed")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/close_form.html",
        {
            "form": form,
            "case": case,
            "requirements": requirements,
            "record_links": record_links(request.user, visible, requirements),
        },
    )
