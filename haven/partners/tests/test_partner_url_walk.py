"""Issue 14 item 6: a partner sees only the partner pages. Every URL Haven serves, walked as a
partner user, is refused (403/404), sends them to sign in, or is a partner page."""

from __future__ import annotations

import uuid

import pytest
from django.test import Client
from django.urls import NoReverseMatch

from haven.testing.url_walk import build_url, url_routes

pytestmark = pytest.mark.django_db

PARTNER_PAGES = {"partners:home", "partners:refer", "home"}  # home redirects to partners:home
# Open to anyone signed in or not: no casework or personal data.
OPEN = {
    "health",
    "accessibility",
    "privacy",
    "account_logout",
    "account_login",
    "account_reset_password",
    "account_reset_password_done",
    "account_reset_password_from_key",
    "account_reset_password_from_key_done",
    "account_change_password",
    "account_reauthenticate",
    # the 360-degree appraisal's public questionnaire (a one-time link) and its thank-you page
    "appraisal:respond",
    "appraisal:thanks",
}
OPEN_PREFIXES = (
    "api:",  # the partner API answers to tokens only (401 without one)
    "mfa_",  # the user's own second factor
    "account_",  # the user's own account pages (allauth)
    "govuk:",
)
PUBLIC_APPS = ("portal:", "webchat:")  # the public front door (other helpers' apps)


def _values(route):
    values = {}
    for name, converter in route.params:
        if converter == "uuid":
            values[name] = uuid.uuid4()
        elif converter == "int":
            values[name] = 1
        elif converter == "slug":
            values[name] = "victim-first-2018"
        else:
            values[name] = "x"
    return values


def test_a_partner_reaches_nothing_but_the_partner_pages(partner_user, personas):
    client = Client(raise_request_exception=False)
    client.force_login(partner_user)
    reached = []
    unbuilt: list[str] = []
    for route in url_routes():
        name = route.name
        if (
            name is None
            or name in PARTNER_PAGES
            or name in OPEN
            or name.startswith(OPEN_PREFIXES + PUBLIC_APPS)
            or route.route.startswith("admin/")
        ):
            continue
        try:
            url = build_url(route, _values(route))
        except (NoReverseMatch, KeyError):
            unbuilt.append(name)
            continue
        response = client.get(url)
        allowed = response.status_code in {403, 404, 405} or (
            response.status_code == 302 and "/accounts/login" in response["Location"]
        )
        if not allowed:
            reached.append(f"{name} {url} -> {response.status_code}")
    assert reached == []
    assert unbuilt == []


def test_the_admin_refuses_a_partner(client, partner_user):
    client.force_login(partner_user)
    response = client.get("/admin/")
    assert response.status_code in {302, 403, 404}
    if response.status_code == 302:
        assert "login" in response["Location"]
