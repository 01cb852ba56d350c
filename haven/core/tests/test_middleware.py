"""Session timeouts, no-store caching, request ids and security headers."""

import time

import pytest
from django.urls import reverse

from haven.core.middleware import SESSION_LAST_SEEN, SESSION_STARTED


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas.caseworker)
    return client


def test_pages_are_not_stored_by_browsers(signed_in):
    response = signed_in.get(reverse("home"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_responses_carry_a_request_id_and_security_headers(signed_in):
    response = signed_in.get(reverse("home"))
    assert len(response["X-Request-Id"]) == 32
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp


def test_idle_session_is_signed_out_after_the_idle_timeout(signed_in, settings):
    session = signed_in.session
    session[SESSION_LAST_SEEN] = time.time() - settings.HAVEN_SESSION_IDLE_SECONDS - 5
    session.save()
    response = signed_in.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert "_auth_user_id" not in signed_in.session


def test_active_session_is_signed_out_at_the_hard_lifetime(signed_in, settings):
    session = signed_in.session
    session[SESSION_STARTED] = time.time() - settings.HAVEN_SESSION_MAX_SECONDS - 5
    session[SESSION_LAST_SEEN] = time.time()
    session.save()
    response = signed_in.get(reverse("home"))
    assert response.status_code == 302
    assert "_auth_user_id" not in signed_in.session


def test_session_within_limits_stays_signed_in(signed_in):
    assert signed_in.get(reverse("home")).status_code == 200
    assert signed_in.get(reverse("home")).status_code == 200
