"""The front door's records. `ChatBooking` is shared: the portal creates it from a self-referral
(seed 002 Lot 1 s3.6: "secure web chat booked within 5 working days"); the webchat app
(above this one) runs the chat at the booked time and keeps its transcript."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ChatBookingStatus(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "Waiting for a caseworker"
    IN_PROGRESS = "in_progress", "In progress"
    ENDED = "ended", "Ended"
    MISSED = "missed", "Missed"
    CANCELLED = "cancelled", "Cancelled"


class ChatBooking(HavenModel):
    """A secure web chat booked for a date and time; the person joins with a one-time code
    (`haven.portal.codes`: only its hash is kept)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="chat_bookings"
    )
    referral = models.ForeignKey(
        "referrals.Referral",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="chat_bookings",
    )
    starts_at = models.DateTimeField(db_index=True)
    ends_at = models.DateTimeField()
    code_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        max_length=12, choices=ChatBookingStatus.choices, default=ChatBookingStatus.BOOKED
    )
    consent_to_transcript = models.BooleanField(
        default=False, help_text="The person agreed the chat may be kept on their record"
    )
    person_joined_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"Web chat {self.pk}"


class QuickQuestion(HavenModel):
    """A short question asked online and answered by staff (seed 002 s3.6: "quick questions ...
    not a formal support mechanism"). Nobody is recorded: the person collects the answer with
    a one-time code (only its hash is kept)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="quick_questions"
    )
    question = models.TextField()
    asked_at = models.DateTimeField(db_index=True)
    code_hash = models.CharField(max_length=64, unique=True)
    answer = models.TextField(blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    collected_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at"]

    def __str__(self) -> str:
        return f"Quick question {self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class PublicAttempt(models.Model):
    """One use of a public form, for rate limits that hold across every web worker (kept in
    the database, not a per-process cache). `client` is an HMAC of the client address, never
    the address itself; old rows are pruned as new ones come."""

    action = models.CharField(max_length=30)
    client = models.CharField(max_length=64)
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["action", "client", "at"])]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"


class PublicSubmission(models.Model):
    """A one-time form token claimed by a public (signed-out) POST and where it went, so a form
    sent twice runs once (ADR 0007 for people without an account: the core middleware covers
    only signed-in POSTs)."""

    token = models.CharField(max_length=64, unique=True)
    path = models.CharField(max_length=500)
    redirect_to = models.CharField(max_length=2000, blank=True)
    claimed_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.path
