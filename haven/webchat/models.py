"""The secure web chat's own records (issue 14 item 4; seed 002 Lot 1 s3.6: self-referral "with
secure web chat booked within 5 working days"). The booking itself is the portal's `ChatBooking`.

- `ChatEntry`: the one-time code was used: the booking is bound to one browser session (only a
  hash of its key is kept), so the code opens nothing a second time.
- `ChatMessage`: one message of the chat. Kept after the chat only when the person consented
  to the transcript; without consent the messages are deleted when the chat ends and only the
  fact that the chat happened (the booking's times and status) remains.
- `ChatCodeTry`: a wrong code typed from a client address (a keyed hash of the address), for the
  rate limit shared by every server worker.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from haven.core.models import HavenModel

MESSAGE_MAX_LENGTH = 2000  # characters in one message


class Sender(models.TextChoices):
    PERSON = "person", "Person"
    STAFF = "staff", "Caseworker"


class ChatEntry(HavenModel):
    booking = models.OneToOneField(
        "portal.ChatBooking", on_delete=models.CASCADE, related_name="chat_entry"
    )
    session_hash = models.CharField(max_length=64)
    entered_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Chat entry {self.pk}"


class ChatMessage(HavenModel):
    booking = models.ForeignKey(
        "portal.ChatBooking", on_delete=models.CASCADE, related_name="chat_messages"
    )
    sender = models.CharField(max_length=10, choices=Sender.choices)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["sent_at", "created_at"]

    def __str__(self) -> str:
        return f"Chat message {self.pk}"

    @property
    def sent_time(self) -> str:
        """Hours and minutes, local time."""
        return f"{timezone.localtime(self.sent_at):%H:%M}"


class ChatCodeTry(HavenModel):
    address_hash = models.CharField(max_length=64, db_index=True)
    tried_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Code try {self.pk}"
