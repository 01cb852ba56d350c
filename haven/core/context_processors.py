"""Service navigation for staff, built from what the signed-in user may do."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

SUBMITTED = "Submitted returns"


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The navigation, worked out once per request: every template rendered with the request
    (the page and each case-page section, casework/sections.py) runs this processor."""
    user = getattr(request, "user", None)
    key = (getattr(user, "pk", None), request.path)  # signing in or out mid-request: again
    cached: tuple[Any, dict[str, Any]] | None = getattr(request, "_haven_navigation", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    built = _navigation(request)
    request._haven_navigation = (key, built)  # type: ignore[attr-defined]
    return built


def _navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_navigation": []}
    if user.has_perm("partners.use_partner_pages") and not user.is_superuser:
        # a partner agency's referrer: their own pages only (issue 14 item 6)
        partner_home = reverse("partners:home")
        active = request.path.startswith(partner_home)
        return {
            "service_navigation": [
                {"text": "Your referrals", "href": partner_home, "active": active}
            ]
        }
    items: list[tuple[str, str, str | None]] = [
        ("Home", reverse("home"), None),
        # Provider staff only (commissioners hold neither permission).
        ("Worklist", reverse("casework:worklist"), "casework.view_cases"),
        # Caseworkers, team leaders and service managers (issue 10 s5).
        ("Caseload", reverse("casework:caseload"), "casework.view_caseload"),
        ("Team caseloads", reverse("casework:caseloads"), "casework.oversee_caseloads"),
        # Team leaders and service managers: seed 001 s5 risk register, high-risk caseloads
        ("Risk register", reverse("risk:register"), "casework.oversee_caseloads"),
        ("Referrals", reverse("referrals:list"), "referrals.view_referrals"),
        # Staff of a provider with the quick questions facility (seed 002 s3.6; issue 14)
        ("Quick questions", reverse("portal:queue"), "portal.answer_questions"),
        # Caseworkers, team leaders and service managers: the waiting list (issue 13, seed 003 s7)
        ("Waiting list", reverse("casework:waiting_lists"), "casework.view_waiting_list"),
        ("Web chats", reverse("webchat:staff_list"), "webchat.view_chats"),  # issue 14 item 4
        # Team leaders and service managers keep their MARACs' meetings (issue 12)
        ("MARAC meetings", reverse("marac:meetings"), "marac.keep_meetings"),
        # Caseworkers, team leaders and service managers: the rooms board (issue 13 item 1)
        ("Refuge rooms", reverse("refuge:board"), "refuge.view_board"),
        # Caseworkers and team leaders print and post the outbox's letters (issue 14 item 9)
        ("Letters to post", reverse("outbox:letters"), "outbox.view_letter_queue"),
        # The data protection officer and managers: every share and the agreements (issue 15)
        ("Information sharing", reverse("consent:shares"), "consent.view_share_register"),
        # Staff of a provider whose contract takes the police_workbook route (seed 000 s5).
        ("Police workbook", reverse("workbook:run_list"), "workbook.import_incidents"),
        # Team leaders and service managers of a service taking referral files (seed 002 s3.6)
        (
            "Referral imports",
            reverse("referralimports:run_list"),
            "referralimports.import_referrals",
        ),
        ("People", reverse("people:search"), "people.view_person"),
        ("Contracts", reverse("contracts:list"), "contracts.view_contract_list"),
        # Service managers and analysts of a provider (commissioners see their returns elsewhere).
        ("Returns", reverse("reporting:index"), "reporting.view_returns"),
        # Commissioners: their contracts' submitted returns (issue 10 s2); "Submitted returns"
        # beside the provider's "Returns" for someone who holds both roles (a superuser too).
        (SUBMITTED, reverse("commissioner:returns"), "reporting.view_submitted_returns"),
        # Service managers and administrators keep their provider's agency directory (issue 11)
        ("Agency directory", reverse("casework:directory"), "casework.manage_directory"),
        # Team leaders and service managers keep the serious-incident register and the
        # complaints and compliments logs (issue 12 items 10-11)
        ("Incidents and complaints", reverse("incidents:register"), "incidents.view_register"),
        # Team leaders and service managers keep the hardship funds (seed 002 s3.8; issue 13)
        ("Hardship funds", reverse("hardship:funds"), "hardship.view_funds"),
        # Team leaders and service managers of a target hardening provider (seed 002 Lot 2 s4)
        (
            "Target hardening budget",
            reverse("targethardening:budget"),
            "targethardening.view_budget",
        ),
        ("Audit", reverse("audit:list"), "core.view_audit"),
        # Data protection officers and service managers: handover exports and imports (issue 15)
        ("Handovers", reverse("handover:runs"), "handover.view_runs"),
        ("Manage staff", reverse("staff:list"), "accounts.manage_staff"),
        # Service managers and administrators: the partner agencies (issue 14 item 6)
        ("Partners", reverse("partners:organisations"), "partners.view_organisations"),
    ]
    if user.is_superuser:  # the Django admin opens only for superusers (accounts.admin_access)
        items.append(("Administration", reverse("admin:index"), None))
    shown = [(text, href) for text, href, perm in items if not perm or user.has_perm(perm)]
    texts = [text for text, _ in shown]
    if SUBMITTED in texts and "Returns" not in texts:  # a commissioner only: their returns
        shown = [("Returns" if text == SUBMITTED else text, href) for text, href in shown]
    # the item whose address is the longest start of the path is current (the worklist is
    # /cases/, the caseload /cases/caseload/: only one of them is current)
    matching = [
        href
        for _, href in shown
        if (request.path == href if href == "/" else request.path.startswith(href))
    ]
    current = max(matching, key=len, default=None)
    nav = [{"text": text, "href": href, "active": href == current} for text, href in shown]
    return {"service_navigation": nav}
