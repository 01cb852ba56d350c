"""Request id, session timeouts, the MFA requirement and no-store caching."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from haven.core.request_context import current_request_id

Handler = Callable[[HttpRequest], HttpResponse]

SESSION_STARTED = "haven_session_started"
SESSION_LAST_SEEN = "haven_session_last_seen"
# The user (pk) whose second factor this session has checked: set when they enter a TOTP or
# recovery code, or when they set up TOTP (which proves they hold it). A session signed in by
# any other path (a password alone) has not passed MFA, whatever the user has set up.
SESSION_MFA_PASSED = "haven_mfa_passed_user"
# Requests a page makes by itself (the worklist's periodic refresh) say so in this header; they
# are not activity, so they never extend an idle session.
BACKGROUND_HEADER = "X-Haven-Background"


class RequestIdMiddleware:
    """Give each request an id, shown on error pages and stored on audit events."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-Id"] = request_id
        return response


class SessionTimeoutMiddleware:
    """Sign staff out after an idle period and after a hard session lifetime."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(SESSION_STARTED, now)
            last_seen = request.session.get(SESSION_LAST_SEEN, now)
            idle = now - last_seen > settings.HAVEN_SESSION_IDLE_SECONDS
            expired = now - started > settings.HAVEN_SESSION_MAX_SECONDS
            if idle or expired:
                logout(request)
                messages.info(
                    request,
                    "You were signed out because you were inactive."
                    if idle
                    else "You were signed out because your session reached its time limit.",
                )
                if request.headers.get("HX-Request"):
                    # An HTMX swap would put the sign-in page inside the page: load it whole.
                    return HttpResponseClientRedirect(reverse(settings.LOGIN_URL))
                return HttpResponseRedirect(reverse(settings.LOGIN_URL))
            if not is_background_request(request):
                request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


def is_background_request(request: HttpRequest) -> bool:
    """A request the page made by itself (a periodic refresh), not something the user did."""
    return request.headers.get(BACKGROUND_HEADER, "").lower() == "true"


MFA_EXEMPT_PREFIXES = ("/static/", "/health/")
# What a signed-in user without a second factor may reach: setting one up (allauth asks for the
# password again first) and signing out.
MFA_SETUP_URL_NAMES = ("mfa_activate_totp", "account_reauthenticate", "account_logout")


class MfaRequiredMiddleware:
    """Every signed-in session has passed the second factor, however the user signed in.

    Staff without TOTP are sent to set it up before anything else; a session that signed in
    with a password alone for a user who has TOTP (any path that skips allauth's MFA stage) is
    signed out and sent to sign in properly.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            not settings.HAVEN_MFA_REQUIRED
            or not request.user.is_authenticated
            or request.path.startswith(MFA_EXEMPT_PREFIXES)
            or mfa_passed(request)
        ):
            return self.get_response(request)
        if _has_totp(request):
            logout(request)
            messages.info(request, "Sign in with your password and a security code.")
            return HttpResponseRedirect(reverse(settings.LOGIN_URL))
        if request.path in {reverse(name) for name in MFA_SETUP_URL_NAMES}:
            return self.get_response(request)
        return HttpResponseRedirect(reverse("mfa_activate_totp"))


def mfa_passed(request: HttpRequest) -> bool:
    """Whether this session's signed-in user has passed the second factor in it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return bool(request.session.get(SESSION_MFA_PASSED) == str(user.pk))


def mark_mfa_passed(request: HttpRequest, user: object) -> None:
    """Record that ``user`` has passed (or just set up) the second factor in this session."""
    request.session[SESSION_MFA_PASSED] = str(user.pk)  # type: ignore[attr-defined]


def _has_totp(request: HttpRequest) -> bool:
    from allauth.mfa.models import Authenticator

    cached = getattr(request, "_haven_has_totp", None)
    if cached is None:
        cached = Authenticator.objects.filter(
            user=request.user, type=Authenticator.Type.TOTP
        ).exists()
        request._haven_has_totp = cached  # type: ignore[attr-defined]
    return bool(cached)


class NoStoreMiddleware:
    """Pages may hold special category data: browsers and proxies must not keep them."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store, private"
            response["Pragma"] = "no-cache"
        return response
