"""Session timeouts, no-store caching, request ids and security headers."""

import time

import pytest
from django.urls import reverse

from haven.core.middleware import BACKGROUND_HEADER, SESSION_LAST_SEEN, SESSION_STARTED


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


def test_background_refresh_does_not_extend_an_idle_session(signed_in, settings):
    # The worklist refreshes itself every minute; that is not the person using Haven.
    idle_since = time.time() - settings.HAVEN_SESSION_IDLE_SECONDS + 30
    session = signed_in.session
    session[SESSION_LAST_SEEN] = idle_since
    session.save()
    refresh = {"HX-Request": "true", BACKGROUND_HEADER: "true"}
    assert signed_in.get(reverse("casework:worklist"), headers=refresh).status_code == 200
    assert signed_in.session[SESSION_LAST_SEEN] == idle_since

    session = signed_in.session
    session[SESSION_LAST_SEEN] = time.time() - settings.HAVEN_SESSION_IDLE_SECONDS - 5
    session.save()
    response = signed_in.get(reverse("casework:worklist"), headers=refresh)
    assert "_auth_user_id" not in signed_in.session
    # An HTMX request loads the sign-in page whole rather than inside the worklist table.
    assert response["HX-Redirect"] == reverse("account_login")


def test_a_request_the_user_makes_extends_the_session(signed_in, settings):
    idle_since = time.time() - settings.HAVEN_SESSION_IDLE_SECONDS + 30
    session = signed_in.session
    session[SESSION_LAST_SEEN] = idle_since
    session.save()
    signed_in.get(reverse("casework:worklist"), headers={"HX-Request": "true"})
    assert signed_in.session[SESSION_LAST_SEEN] > idle_since


def test_worklist_marks_its_periodic_refresh_as_background(signed_in):
    page = signed_in.get(reverse("casework:worklist")).content.decode()
    assert 'hx-trigger="every 60s"' in page
    assert """hx-headers='{"X-Haven-Background": "true"}'""" in page
