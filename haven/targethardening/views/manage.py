"""The provider's security items catalogue (service managers) and the target hardening budget
(team leaders and service managers)."""

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
from haven.targethardening.forms import SecurityItemForm
from haven.targethardening.selectors import (
    budget_contracts,
    budget_page,
    catalogue_for_user,
    catalogue_items,
    item_for_user,
    managed_catalogues,
)
from haven.targethardening.services import security_item_save, target_hardening_spec


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    """Each provider's items, with price, police approval and the most fitted per property."""
    providers = managed_catalogues(request.user)
    if not providers:
        raise PermissionDenied
    rows = [(provider, list(catalogue_items(provider.pk))) for provider in providers]
    return render_page(request, "targethardening/catalogue.html", {"catalogues": rows})


def _item_page(request: HttpRequest, form: SecurityItemForm, save: Any, title: str) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(lambda: save(data)):
            messages.success(request, "Catalogue saved")
            return redirect("targethardening:catalogue")
    return render_page(request, "targethardening/item_form.html", {"form": form, "title": title})


@login_required
def item_add(request: HttpRequest, provider_id: Any) -> HttpResponse:
    provider = catalogue_for_user(request.user, provider_id)
    form = SecurityItemForm(
        request.POST if request.method == "POST" else None, initial={"active": True}
    )
    return _item_page(
        request,
        form,
        lambda data: security_item_save(provider=provider, saved_by=staff_user(request), **data),
        f"Add an item to {provider.name}'s catalogue",
    )


@login_required
def item_edit(request: HttpRequest, item_id: Any) -> HttpResponse:
    item = item_for_user(request.user, item_id)
    initial = {
        "name": item.name,
        "police_approved": item.police_approved,
        "unit_price": f"{item.unit_price:.2f}",
        "max_per_property": item.max_per_property,
        "fitting": item.fitting,
        "active": item.active,
    }
    form = SecurityItemForm(request.POST if request.method == "POST" else None, initial=initial)
    return _item_page(
        request,
        form,
        lambda data: security_item_save(
            provider=item.provider, saved_by=staff_user(request), item=item, **data
        ),
        f"Change {item.name}",
    )


@login_required
def budget(request: HttpRequest) -> HttpResponse:
    """The year's items budget, spend to date, remaining, and by quarter: properties fitted,
    cost per property (mean and highest) and median days from referral to fitting (seed 002
    Lot 2 s3.1 and s4)."""
    if not request.user.has_perm("targethardening.view_budget"):
        raise PermissionDenied
    today = timezone.localdate()
    pages = []
    for contract in budget_contracts(request.user):
        spec = target_hardening_spec(contract)
        if spec is not None:
            pages.append(budget_page(contract, spec, today))
    return render_page(request, "targethardening/budget.html", {"pages": pages, "today": today})
