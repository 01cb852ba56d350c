"""django-allauth adapter: staff accounts are created by administrators, never by sign-up."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.http import HttpRequest


class StaffAccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False


class StaffMFAAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth is untyped
    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Staff cannot turn two-factor authentication off; an administrator resets it."""
        return not settings.HAVEN_MFA_REQUIRED


def axes_username(request: HttpRequest, credentials: dict[str, object] | None) -> str | None:
    """The account an attempt was for: allauth authenticates with ``email``; the form posts ``login``."""
    value = (credentials or {}).get("email") or (credentials or {}).get("username")
    if not value and request is not None:
        value = request.POST.get("login")
    return str(value).strip().lower() if value else None
