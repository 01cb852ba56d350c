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

from haven.core.request_context import current_request_id

Handler = Callable[[HttpRequest], HttpResponse]

SESSION_STARTED = "haven_session_started"
SESSION_LAST_SEEN = "haven_session_last_seen"


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
                return HttpResponseRedirect(reverse(settings.LOGIN_URL))
            request.session[SESSION_LAST_SEEN] = now
        return self.get_response(request)


MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/health/")


class MfaRequiredMiddleware:
    """Staff who have not set up TOTP are sent to set it up before anything else."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.HAVEN_MFA_REQUIRED
            and request.user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not _has_totp(request)
        ):
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


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
