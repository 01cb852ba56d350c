"""The outbox: each letter, email and text message Haven prepared for a case's person, what the
safe-contact check said, and what became of it (issue 14 item 9).

The rendered subject and body are stored as sent: they are special-category text (they concern
a person's contact with the service) and are shown only to staff who may see the case. The
recipient is taken from the safe-contact record at the time of sending, never from the
person's ordinary contact details.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class MessageChannel(models.TextChoices):
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    SMS = "sms", "Text message (SMS)"


class MessageStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    BLOCKED = "blocked", "Blocked"
    SENT = "sent", "Sent"  # email and SMS: accepted by GOV.UK Notify
    PRINTED = "printed", "Printed"  # letters: printed, not posted yet
    POSTED = "posted", "Posted"  # letters: in the post (the same-day rule is met now)
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


# A message in one of these has gone out: the contact attempt is recorded.
GONE_OUT = frozenset({MessageStatus.SENT, MessageStatus.POSTED, MessageStatus.DELIVERED})


class Message(HavenModel):
    """One outbound message to the person of a case."""

    # a case's person; or, before any case is open, a referral's (a web-chat confirmation to a
    # self-referral: no contact attempt is recorded, there is no case to record it on)
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    referral = models.ForeignKey(
        "referrals.Referral", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=10, choices=MessageChannel.choices)
    template_key = models.CharField(max_length=60)
    template_label = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    recipient = models.TextField(blank=True)  # safe address, email or safe phone; "" if blocked
    status = models.CharField(
        max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED, db_index=True
    )
    status_detail = models.CharField(max_length=200, blank=True)  # Notify's own status, or why
    blocked_reasons = models.JSONField(default=list, blank=True)
    notify_id = models.CharField(max_length=64, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(null=True, blank=True)  # accepted by Notify, or posted
    printed_at = models.DateTimeField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    delivery_updated_at = models.DateTimeField(null=True, blank=True)
    attempt = models.OneToOneField(
        "casework.ContactAttempt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outbox_message",
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["channel", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=False) | models.Q(referral__isnull=False),
                name="outbox_message_has_case_or_referral",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.template_label}"

    @property
    def gone_out(self) -> bool:
        return self.status in GONE_OUT
