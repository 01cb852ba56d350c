"""The staff home page: what this user can do, by role."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.accounts.selectors import memberships_of
from haven.contracts.selectors import contracts_visible_to


@login_required
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "memberships": memberships_of(request.user),
        "contracts": contracts_visible_to(request.user),
        "can_view_audit": request.user.has_perm("core.view_audit"),
        "can_manage_staff": request.user.has_perm("accounts.manage_staff"),
    }
    return render(request, "core/home.html", context)
