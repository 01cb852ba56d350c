"""Create a referral: choose the contract, then route, person (by reference code) and details."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.referrals.forms import ChooseContractForm, ReferralForm
from haven.referrals.selectors import (
    person_by_reference,
    person_for_referral,
    referral_contract_for_user,
    referral_contracts_for,
)
from haven.referrals.services import referral_create


@login_required
@permission_required("referrals.create_referral", raise_exception=True)
def choose_contract(request: HttpRequest) -> HttpResponse:
    form = ChooseContractForm(
        request.POST if request.method == "POST" else None,
        contracts=referral_contracts_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        url = reverse("referrals:create", args=[form.cleaned_data["contract"].pk])
        person = request.GET.get("person")
        return redirect(f"{url}?person={person}" if person else url)
    return render(request, "referrals/choose_contract.html", {"form": form})


def _new_person_url(request: HttpRequest) -> str:
    try:
        return reverse("people:new")
    except NoReverseMatch:
        return ""


@login_required
@permission_required("referrals.create_referral", raise_exception=True)
def create(request: HttpRequest, contract_id: Any) -> HttpResponse:
    contract = referral_contract_for_user(request.user, contract_id)
    routes = [(r["key"], r["label"]) for r in contract.profile.get("referral_routes") or []]
    initial: dict[str, Any] = {"received_at": timezone.now()}
    preset = (
        person_for_referral(request.user, request.GET.get("person"))
        if request.GET.get("person")
        else None
    )
    if preset is not None:
        initial["reference_code"] = preset.reference_code
    needs_incident = any(
        rule.get("start") == "incident" for rule in contract.profile.get("deadlines") or []
    )
    form = ReferralForm(
        request.POST if request.method == "POST" else None,
        routes=routes,
        initial=initial,
        needs_incident=needs_incident,
        contact_methods=list(contract.profile.get("contact_methods") or []),
    )
    if request.method == "POST" and form.is_valid():
        person = person_by_reference(request.user, form.cleaned_data["reference_code"])
        if person is None:
            form.add_error(
                "reference_code",
                "No person has that reference code: check it, or add the person first",
            )
        else:
            try:
                referral = referral_create(
                    contract=contract,
                    person=person,
                    entered_by=staff_user(request),
                    route=form.cleaned_data["route"],
                    received_at=form.cleaned_data["received_at"],
                    **form.details(),
                )
            except ValidationError as problems:
                form.add_problems(problems)
            else:
                return redirect("referrals:detail", referral.pk)
    context = {"form": form, "contract": contract, "new_person_url": _new_person_url(request)}
    return render(request, "referrals/referral_form.html", context)
