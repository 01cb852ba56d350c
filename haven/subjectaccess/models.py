"""Subject access requests (issue 15 item 3; reference.md s7): the request as received, the
requester and their authority, identity verification, the periods the clock stood still, an
extension, what the search gathered, the review of every gathered item with its redactions, and
the bundle released.

The bundle (PDF and JSON) is stored in the database (`SarBundle`), not on disk: it is backed up
with everything else, needs no MEDIA path or file permissions in tests and production, and is
read only through the data protection officer's download views (audited).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.encrypted_fields import EncryptedBytesField, EncryptedJSONField, EncryptedTextField
from haven.core.models import HavenModel


class ReceivedHow(models.TextChoices):
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "Phone"
    WEB = "web", "Web form"


class Requester(models.TextChoices):
    PERSON = "person", "The person themselves"
    REPRESENTATIVE = "representative", "A representative with written authority"


class SarState(models.TextChoices):
    RECEIVED = "received", "Received"
    AWAITING = "awaiting", "Awaiting ID or clarification"
    GATHERING = "gathering", "Gathering"
    REVIEW = "review", "In review"
    READY = "ready", "Ready to send"
    SENT = "sent", "Sent"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_STATES = frozenset(
    {SarState.RECEIVED, SarState.AWAITING, SarState.GATHERING, SarState.REVIEW, SarState.READY}
)


class IdentityStatus(models.TextChoices):
    PENDING = "pending", "Not verified yet"
    VERIFIED = "verified", "Verified"


class StopReason(models.TextChoices):
    # reference.md s7 (DUAA 2025 Art. 12A): the clock stops while awaiting ID or clarification
    AWAITING_ID = "awaiting_id", "Awaiting proof of identity"
    AWAITING_CLARIFICATION = "awaiting_clarification", "Awaiting clarification of the request"
    AWAITING_AUTHORITY = "awaiting_authority", "Awaiting the representative's written authority"


class SubjectAccessRequest(HavenModel):
    """One request for a copy of everything held about a person."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField()
    received_how = models.CharField(max_length=20, choices=ReceivedHow.choices)
    requester = models.CharField(max_length=20, choices=Requester.choices, default=Requester.PERSON)
    # a representative: who they are and the written authority seen (solicitor's letter...)
    representative_name = models.CharField(max_length=200, blank=True)
    representative_authority = models.TextField(blank=True)
    request_details = models.TextField(blank=True)  # what was asked for, in the person's words
    identity_status = models.CharField(
        max_length=10, choices=IdentityStatus.choices, default=IdentityStatus.PENDING
    )
    identity_verified_on = models.DateField(null=True, blank=True)
    identity_method = models.CharField(max_length=200, blank=True)
    identity_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        max_length=12, choices=SarState.choices, default=SarState.RECEIVED, db_index=True
    )
    # reference.md s7: extension to three months from the original start, with the reason, and
    # the date the person was told (within the first month)
    extended = models.BooleanField(default=False)
    extension_reason = models.TextField(blank=True)
    extension_told_on = models.DateField(null=True, blank=True)
    refusal_reasons = models.TextField(blank=True)
    closed_on = models.DateField(null=True, blank=True)  # sent, refused or withdrawn
    sent_how = models.CharField(max_length=200, blank=True)
    withdrawal_note = models.TextField(blank=True)
    # reference.md s7 (DUAA Art. 15(1A)): the search was "reasonable and proportionate":
    # what it covered, as {record type label: count}
    coverage = models.JSONField(default=dict, blank=True)
    gathered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["received_on", "created_at"]
        verbose_name = "subject access request"
        constraints = [
            models.CheckConstraint(
                name="sar_representative_has_authority",
                condition=~models.Q(requester="representative")
                | ~models.Q(representative_authority=""),
            )
        ]

    def __str__(self) -> str:
        return f"SAR {str(self.pk)[:8]}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class ClockStop(HavenModel):
    """A period the clock stood still (DUAA 2025 Art. 12A), from asking to receiving."""

    sar = models.ForeignKey(SubjectAccessRequest, on_delete=models.CASCADE, related_name="stops")
    reason = models.CharField(max_length=30, choices=StopReason.choices)
    note = models.TextField(blank=True)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["started_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                name="sar_stop_ends_after_it_starts",
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
            )
        ]

    def __str__(self) -> str:
        return self.get_reason_display()


class ItemDecision(models.TextChoices):
    PENDING = "pending", "Not reviewed"
    RELEASE = "release", "Release as it is"
    REDACT = "redact", "Release with redactions"
    WITHHOLD = "withhold", "Withhold entirely"


class SarItem(HavenModel):
    """One record the search found, as it will be released: its readable fields (a snapshot at
    gathering time), why it needs a careful review, and the reviewer's decision."""

    sar = models.ForeignKey(SubjectAccessRequest, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    record_type = models.CharField(max_length=100)  # app_label.model
    record_type_label = models.CharField(max_length=200)
    record_id = models.CharField(max_length=64)
    # the copies of a person's records are as sensitive as the records (ADR 0019)
    label = EncryptedTextField(max_length=300, single_line=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    # [{"name": "text", "label": "Text", "value": "..."}]
    fields = EncryptedJSONField(default=list)
    # why it needs a review: ["names a person causing harm", ...]
    flags = models.JSONField(default=list, blank=True)
    # third parties' names found in it, removed from released text with "redact names"
    third_party_names = EncryptedJSONField(default=list, blank=True)
    decision = models.CharField(
        max_length=10, choices=ItemDecision.choices, default=ItemDecision.PENDING
    )
    redacted_fields = models.JSONField(default=list, blank=True)
    redact_names = models.BooleanField(default=False)
    reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["sar", "position"], name="sar_item_position_unique")
        ]

    def __str__(self) -> str:
        return self.record_type_label

    @property
    def needs_review(self) -> bool:
        return bool(self.flags)


class SarBundle(HavenModel):
    """The released copy: PDF and JSON, redactions applied, stored in the database."""

    sar = models.OneToOneField(
        SubjectAccessRequest, on_delete=models.CASCADE, related_name="bundle"
    )
    pdf = EncryptedBytesField()
    json = EncryptedBytesField()
    pdf_sha256 = models.CharField(max_length=64)
    json_sha256 = models.CharField(max_length=64)
    items_released = models.PositiveIntegerField()
    items_withheld = models.PositiveIntegerField()
    produced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Bundle of {self.sar}"
