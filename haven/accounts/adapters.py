"""django-allauth adapter: staff accounts are created by administrators, never by sign-up."""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest

from haven.core.mail import MAIL_NOT_CONFIGURED, MAIL_NOT_SENT, mail_configured

logger = logging.getLogger(__name__)


class StaffAccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """Send allauth's mail, or tell the user plainly why not: never a 500 over mail.

        The log names the kind of message, never the address (personal data stays out of logs).
        """
        request = allauth_context.request
        if not mail_configured():
            logger.warning("Mail is not configured: %s not sent", template_prefix)
            messages.error(request, MAIL_NOT_CONFIGURED, fail_silently=True)
            return
        try:
            super().send_mail(template_prefix, email, context)
        except OSError as exc:  # smtplib.SMTPException is an OSError too
            logger.error("Mail could not be sent: %s (%s)", template_prefix, type(exc).__name__)
            messages.error(request, MAIL_NOT_SENT, fail_silently=True)


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
