"""What every public page shares: the neutral site Exit this page goes to, the client address
for rate limits, and how a slot reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.contracts.models import Contract
from haven.portal.services import public_contract

NEUTRAL_SITE = "https://www.bbc.co.uk/weather"  # reference §5.2: the component's default
LONDON = ZoneInfo("Europe/London")
PORTAL_PREFIX = "portal_"  # every session key of the front door's forms


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "")


def contract_or_404(slug: str) -> Contract:
    contract = public_contract(slug)
    if contract is None:
        raise Http404("No such service")
    return contract


def describe_slot(starts_at: datetime, ends_at: datetime) -> str:
    """'Tuesday 8 December, 2:30pm to 3pm' in UK time."""

    def clock(moment: datetime) -> str:
        local = moment.astimezone(LONDON)
        text = f"{local:%I:%M%p}".lstrip("0").lower().replace(":00", "")
        return "12pm" if text == "12pm" else text

    local = starts_at.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B}, {clock(starts_at)} to {clock(ends_at)}"


def public_render(
    request: HttpRequest, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    response = render(request, template, context or {}, status=status)
    response["Cache-Control"] = "no-store"  # nothing of a visit kept in the browser's cache
    response["Referrer-Policy"] = "same-origin"  # other sites never learn where a visitor was
    return response


def forget(request: HttpRequest) -> None:
    """Forget every form in progress. Once the session is empty its cookie is deleted (Django's
    session middleware), so a cookie lasts only while a form is in progress; a signed-in member
    of staff trying the public pages stays signed in."""
    for key in [k for k in request.session.keys() if k.startswith(PORTAL_PREFIX)]:  # noqa: SIM118 (a session is not iterable)
        del request.session[key]
    if not request.user.is_authenticated:
        request.session.flush()


def exit_page(request: HttpRequest) -> HttpResponse:
    """Exit this page goes here first: any form in progress is forgotten (its session and
    cookie go), then the browser is sent to a neutral site (reference §5.2)."""
    forget(request)
    return redirect(NEUTRAL_SITE)
