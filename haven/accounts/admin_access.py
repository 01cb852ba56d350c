"""Who reaches the Django admin, and how they sign in to it: the same way as everywhere else.

The admin's own sign-in form checks a password alone, so it is never used: ``/admin/login/``
sends people to Haven's sign-in (password, then a code), and the admin opens only for an active
superuser whose session passed the second factor.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from haven.core.middleware import mfa_passed


def admin_has_permission(request: HttpRequest) -> bool:
    user = request.user
    return bool(
        user.is_active
        and user.is_superuser
        and (mfa_passed(request) or not settings.HAVEN_MFA_REQUIRED)
    )


def admin_login(request: HttpRequest, extra_context: object = None) -> HttpResponse:
    """Replace the admin's password-only form with Haven's sign-in; never authenticates."""
    target = request.GET.get("next") or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("admin:index")
    if request.user.is_authenticated:
        # Signed in already: the admin's own check decides (a 403 page for non-superusers).
        if admin_has_permission(request):
            return HttpResponseRedirect(target)
        return HttpResponseRedirect(reverse("home"))
    return HttpResponseRedirect(f"{reverse(settings.LOGIN_URL)}?{urlencode({'next': target})}")
