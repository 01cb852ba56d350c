"""Service navigation for staff, built from what the signed-in user may do."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_navigation": []}
    items: list[tuple[str, str, str | None]] = [
        ("Home", reverse("home"), None),
        # Provider staff only (commissioners hold neither permission).
        ("Worklist", reverse("casework:worklist"), "casework.view_cases"),
        ("Referrals", reverse("referrals:list"), "referrals.view_referrals"),
        # Staff of a provider whose contract takes the police_workbook route (seed 000 s5).
        ("Police workbook", reverse("workbook:run_list"), "workbook.import_incidents"),
        ("People", reverse("people:search"), "people.view_person"),
        ("Contracts", reverse("contracts:list"), "contracts.view_contract_list"),
        # Commissioners: their contracts' submitted returns (issue 10 s2).
        ("Returns", reverse("commissioner:returns"), "reporting.view_submitted_returns"),
        ("Audit", reverse("audit:list"), "core.view_audit"),
        ("Manage staff", reverse("staff:list"), "accounts.manage_staff"),
    ]
    if user.is_superuser:  # the Django admin opens only for superusers (accounts.admin_access)
        items.append(("Administration", reverse("admin:index"), None))
    nav = []
    for text, href, perm in items:
        if perm and not user.has_perm(perm):
            continue
        active = request.path == href if href == "/" else request.path.startswith(href)
        nav.append({"text": text, "href": href, "active": active})
    return {"service_navigation": nav}
