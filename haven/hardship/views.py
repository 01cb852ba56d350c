"""The hardship fund's pages: the funds (team leaders and service managers), a fund with its
grants, setting a year's budget (service managers), and on a case: requesting a grant, deciding
it and recording its payment."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.hardship.forms import BudgetForm, DecisionForm, GrantRequestForm, PaymentForm
from haven.hardship.money import pounds
from haven.hardship.selectors import (
    contract_for_budget,
    fund_for,
    fund_totals,
    funds_for,
    grant_on,
    grants_of_fund,
    hardship_contracts_for,
)
from haven.hardship.services import (
    default_budget_pence,
    financial_year_of,
    grant_refusal,
    hardship_fund_set,
    hardship_grant_decide,
    hardship_grant_pay,
    hardship_grant_request,
)

type View = Callable[..., HttpResponse]


def keeps_funds(view: View) -> View:
    """Signed in, and a team leader or service manager (or superuser)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("hardship.view_funds"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@audits_reads
@keeps_funds
def fund_list(request: HttpRequest) -> HttpResponse:
    """The hardship funds of the user's services, by contract and year, with their balance."""
    funds = list(funds_for(request.user))
    rows = [(fund, fund_totals(fund)) for fund in funds]
    contracts = [
        (contract, request.user.has_perm("hardship.set_budget", contract))
        for contract in hardship_contracts_for(request.user)
    ]
    response = render_page(
        request,
        "hardship/fund_list.html",
        {"rows": rows, "contracts": contracts, "pounds": pounds},
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="hardship.hardshipfund",
            shown=[f.pk for f in funds],
            page="hardship:funds",
        )
    return response


@audits_reads
@keeps_funds
def fund_detail(request: HttpRequest, fund_id: Any) -> HttpResponse:
    """One fund: budget, approved, paid and balance, and its grants by case reference."""
    fund = fund_for(request.user, fund_id)
    grants = list(grants_of_fund(fund))
    response = render_page(
        request,
        "hardship/fund_detail.html",
        {"fund": fund, "totals": fund_totals(fund), "grants": grants, "pounds": pounds},
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=fund)
        audit_list_view(
            user=request.user,
            object_type="hardship.hardshipgrant",
            shown=[g.pk for g in grants],
            page="hardship:fund",
        )
    return response


@keeps_funds
def budget_set(request: HttpRequest, contract_id: Any) -> HttpResponse:
    """Set the budget of this or next financial year (service managers of the provider)."""
    contract = contract_for_budget(request.user, contract_id)
    if not request.user.has_perm("hardship.set_budget", contract):
        raise PermissionDenied
    this_year = financial_year_of(contract, timezone.localdate())
    default = default_budget_pence(contract) or 0
    form = BudgetForm(
        request.POST if request.method == "POST" else None,
        years=[this_year, this_year + 1],
        initial={"year": str(this_year), "budget": f"{default / 100:.2f}"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved: list[Any] = []
        if form.saved_by(
            lambda: saved.append(
                hardship_fund_set(
                    contract=contract,
                    year=int(data["year"]),
                    budget=data["budget"],
                    set_by=staff_user(request),
                )
            )
        ):
            messages.success(request, "Hardship fund budget set")
            return redirect("hardship:fund", saved[0].pk)
    return render_page(
        request,
        "hardship/budget_form.html",
        {"form": form, "contract": contract, "title": "Set the hardship fund budget"},
    )


@with_case(change=True)
def grant_request(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    refusal = grant_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect("casework:detail", case.pk)
    form = GrantRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: hardship_grant_request(
                case=case,
                requested_by=staff_user(request),
                amount=data["amount"],
                purpose=data["purpose"],
                detail=data["detail"],
            )
        ):
            messages.success(request, "Hardship grant requested")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "hardship/grant_form.html",
        {"form": form, "case": case, "title": "Request a hardship grant"},
    )


def _manages(request: HttpRequest, visible: VisibleCase) -> None:
    if not request.user.has_perm("hardship.decide_grant", visible.case):
        raise PermissionDenied


@with_case()
def grant_decide(request: HttpRequest, visible: VisibleCase, grant_id: Any) -> HttpResponse:
    """A team leader or service manager approves or refuses a requested grant."""
    _manages(request, visible)
    case = visible.case
    grant = grant_on(case, grant_id)
    if grant.status != "requested":
        messages.info(request, "This grant has been decided already")
        return redirect("hardship:fund", grant.fund_id)
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: hardship_grant_decide(
                grant=grant,
                decided_by=staff_user(request),
                approve=data["decision"] == "approve",
                note=data["note"],
            )
        ):
            messages.success(request, "Decision recorded")
            return redirect("hardship:fund", grant.fund_id)
    return render_page(
        request,
        "hardship/grant_form.html",
        {
            "form": form,
            "case": case,
            "grant": grant,
            "totals": fund_totals(grant.fund),
            "pounds": pounds,
            "title": "Decide a hardship grant",
        },
    )


@with_case()
def grant_pay(request: HttpRequest, visible: VisibleCase, grant_id: Any) -> HttpResponse:
    """Record the payment of an approved grant."""
    _manages(request, visible)
    case = visible.case
    grant = grant_on(case, grant_id)
    if grant.status != "approved" or grant.paid_on is not None:
        messages.info(request, "Only an approved grant not yet paid is recorded as paid")
        return redirect("hardship:fund", grant.fund_id)
    form = PaymentForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: hardship_grant_pay(
                grant=grant, recorded_by=staff_user(request), paid_on=form.cleaned_data["paid_on"]
            )
        )
    ):
        messages.success(request, "Payment recorded")
        return redirect("hardship:fund", grant.fund_id)
    return render_page(
        request,
        "hardship/grant_form.html",
        {
            "form": form,
            "case": case,
            "grant": grant,
            "pounds": pounds,
            "title": "Record the payment",
        },
    )
