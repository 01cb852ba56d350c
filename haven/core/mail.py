"""Mail: whether Haven can send it, and where it goes when no SMTP server is configured.

``HAVEN_EMAIL_URL`` names the SMTP server (see ``settings.py``). Without it, development writes
each message to a folder and logs where; production sends nothing, and every feature that would
send mail asks ``mail_configured()`` first and tells the user plainly instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBasedEmailBackend

logger = logging.getLogger(__name__)

MAIL_NOT_CONFIGURED = "Mail is not configured, so Haven cannot send email. Ask your administrator."
MAIL_NOT_SENT = (
    "Haven could not send the email just now. Try again later, or ask your administrator."
)


def mail_configured() -> bool:
    """True when a message handed to Django's mail goes somewhere a person can read it."""
    return bool(settings.HAVEN_EMAIL_CONFIGURED)


class FolderEmailBackend(FileBasedEmailBackend):
    """Development without ``HAVEN_EMAIL_URL``: each message is a file under ``var/mail/``."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = super().send_messages(email_messages)
        if sent:
            logger.info(
                "Mail is not sent in development: %d message(s) written to %s "
                "(set HAVEN_EMAIL_URL to send mail)",
                sent,
                self.file_path,
            )
        return sent


class NotConfiguredEmailBackend(BaseEmailBackend):
    """Production without ``HAVEN_EMAIL_URL``: nothing is sent, and the log says so."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        if email_messages:
            logger.warning(
                "Mail is not configured (HAVEN_EMAIL_URL): %d message(s) not sent",
                len(email_messages),
            )
        return 0
