"""Whether Haven can send email (set in settings; features that send mail ask here first)."""

from __future__ import annotations

from django.conf import settings


def mail_configured() -> bool:
    """True when an outgoing mail server is configured (``HAVEN_EMAIL_URL``)."""
    return bool(getattr(settings, "HAVEN_MAIL_CONFIGURED", False))
