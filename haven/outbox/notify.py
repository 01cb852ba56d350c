"""GOV.UK Notify for email and SMS: the real client when `HAVEN_NOTIFY_API_KEY` is set, an
offline fake in development, the demo and the tests, and a clear refusal in production without
a key (the message stays queued).

Haven renders the text itself (the contract's templates, haven/outbox/wording.py), so each
channel has one Notify template whose subject and body are `((subject))` and `((body))`; their
ids are `HAVEN_NOTIFY_EMAIL_TEMPLATE_ID` and `HAVEN_NOTIFY_SMS_TEMPLATE_ID`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.conf import settings

# Notify's statuses (https://docs.notifications.service.gov.uk/python.html, "Status") and what
# they mean for a message here: still going, delivered, or failed.
NOTIFY_PENDING = frozenset({"created", "sending", "pending", "sent", "accepted", "received"})
NOTIFY_DELIVERED = frozenset({"delivered"})
NOTIFY_FAILED = frozenset(
    {"permanent-failure", "temporary-failure", "technical-failure", "validation-failed"}
)
NOT_CONFIGURED = (
    "GOV.UK Notify is not configured (HAVEN_NOTIFY_API_KEY): the message is queued, not sent"
)


class NotifyNotConfiguredError(Exception):
    """Production without a Notify key: nothing can be sent."""

    def __init__(self) -> None:
        super().__init__(NOT_CONFIGURED)


class NotifyClient(Protocol):
    def send_email_notification(
        self, email_address: str, template_id: str, personalisation: Any = ..., reference: Any = ...
    ) -> Any: ...

    def send_sms_notification(
        self, phone_number: str, template_id: str, personalisation: Any = ..., reference: Any = ...
    ) -> Any: ...

    def get_notification_by_id(self, id: str) -> Any: ...


@dataclass
class FakeNotifyClient:
    """Records what would be sent and answers as Notify would: a new id, then 'delivered'."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    status: str = "delivered"

    def _send(
        self, kind: str, to: str, template_id: str, personalisation: Any, reference: Any
    ) -> dict[str, Any]:
        notification_id = str(uuid.uuid4())
        self.sent.append(
            {
                "id": notification_id,
                "type": kind,
                "to": to,
                "template_id": template_id,
                "personalisation": dict(personalisation or {}),
                "reference": reference,
            }
        )
        return {"id": notification_id, "reference": reference, "content": personalisation}

    def send_email_notification(
        self,
        email_address: str,
        template_id: str,
        personalisation: Any = None,
        reference: Any = None,
    ) -> dict[str, Any]:
        return self._send("email", email_address, template_id, personalisation, reference)

    def send_sms_notification(
        self,
        phone_number: str,
        template_id: str,
        personalisation: Any = None,
        reference: Any = None,
    ) -> dict[str, Any]:
        return self._send("sms", phone_number, template_id, personalisation, reference)

    def get_notification_by_id(self, id: str) -> dict[str, Any]:
        return {"id": id, "status": self.status}


FAKE = FakeNotifyClient()


def notify_client() -> NotifyClient:
    """The client to send with; NotifyNotConfiguredError in production without a key."""
    if settings.HAVEN_NOTIFY_API_KEY:
        from notifications_python_client.notifications import NotificationsAPIClient

        client: NotifyClient = NotificationsAPIClient(settings.HAVEN_NOTIFY_API_KEY)  # type: ignore[no-untyped-call]
        return client
    if settings.HAVEN_NOTIFY_FAKE:
        return FAKE
    raise NotifyNotConfiguredError


def template_id(channel: str) -> str:
    """The Notify template of the channel (a made-up id for the fake)."""
    configured = (
        settings.HAVEN_NOTIFY_EMAIL_TEMPLATE_ID
        if channel == "email"
        else settings.HAVEN_NOTIFY_SMS_TEMPLATE_ID
    )
    return configured or f"haven-fake-{channel}-template"


def status_meaning(notify_status: str) -> str:
    """'pending', 'delivered' or 'failed' for one of Notify's statuses."""
    if notify_status in NOTIFY_DELIVERED:
        return "delivered"
    if notify_status in NOTIFY_FAILED:
        return "failed"
    return "pending"
