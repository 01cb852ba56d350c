"""Contracts: the list a user may see, and each contract's rules with a deadline calculator."""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.contracts.deadline_calculator import EVENTS, deadline_rows
from haven.contracts.forms import DeadlineCalculatorForm
from haven.contracts.presenters import (
    describe_duration,
    describe_opening_hours,
    describe_rule,
    describe_when,
)
from haven.contracts.selectors import contract_for_user, contracts_visible_to
from haven.deadlines import OutOfRangeError


@login_required
@permission_required("contracts.view_contract_list", raise_exception=True)
def contract_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "contracts/contract_list.html", {"contracts": contracts_visible_to(request.user)}
    )


@login_required
@permission_required("contracts.view_contract_list", raise_exception=True)
def contract_detail(request: HttpRequest, slug: str) -> HttpResponse:
    contract = contract_for_user(request.user, slug=slug)
    profile = contract.profile
    form = DeadlineCalculatorForm(request.GET or None)
    opening_hours = describe_opening_hours(profile.get("opening_hours"))
    context = {
        "contract": contract,
        "profile": profile,
        "opening_hours": opening_hours,
        "opening_hours_rows": [
            {"key": {"text": day}, "value": {"text": hours}} for day, hours in opening_hours
        ],
        "describe_rule": describe_rule,
        "describe_when": describe_when,
        "describe_duration": describe_duration,
        "form": form,
        "explanations": [],
    }
    if form.is_bound and form.is_valid():
        try:
            context["explanations"] = deadline_rows(contract, form.situation_values())
        except OutOfRangeError as error:  # the engine's own bounds, shown on the field
            fields = {event.value: name for name, event in EVENTS.items()}
            form.add_error(fields.get(error.event or ""), str(error))
    return render(request, "contracts/contract_detail.html", context)
