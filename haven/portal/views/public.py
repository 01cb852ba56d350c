"""Public information pages (issue 14 item 1; seed 003 s6.10 "what support is available, how
to access support"): no sign-in, no cookies, Exit this page on every page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from haven.portal.services import (
    front_door_of,
    offers_web_chat,
    opening_hours_of,
    public_contracts,
    takes_quick_questions,
    takes_self_referrals,
)
from haven.portal.views.common import contract_or_404, public_render

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def help_index(request: HttpRequest) -> HttpResponse:
    services = [(c, front_door_of(c)) for c in public_contracts()]
    return public_render(request, "portal/help_index.html", {"services": services})


def hours_rows(contract: object) -> list[tuple[str, str]]:
    hours = opening_hours_of(contract)  # type: ignore[arg-type]
    if hours is None:
        return []
    rows = []
    for name, windows in zip(DAY_NAMES, hours.weekly, strict=True):
        rows.append((name, ", ".join(f"{w}".replace("-", " to ") for w in windows) or "Closed"))
    return rows


def service(request: HttpRequest, slug: str) -> HttpResponse:
    contract = contract_or_404(slug)
    spec = front_door_of(contract)
    hours = opening_hours_of(contract)
    context = {
        "contract": contract,
        "spec": spec,
        "hours": hours_rows(contract),
        "bank_holidays": hours.bank_holidays.value if hours else None,
        "self_referral": takes_self_referrals(contract),
        "web_chat": offers_web_chat(contract),
        "quick_questions": takes_quick_questions(contract),
    }
    return public_render(request, "portal/service.html", context)


def hide_your_visit(request: HttpRequest) -> HttpResponse:
    """reference §5.2-5.3: safety advice on covering your tracks online."""
    return public_render(request, "portal/hide_your_visit.html")
