"""Retention review items, legal holds, erasure requests and the record of what was anonymised.

reference.md s7 (Retention; Right to erasure Art. 17; Erasure limits).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ItemStatus(models.TextChoices):
    DUE = "due", "Due for review"
    DEFERRED = "deferred", "Deferred"
    DONE = "done", "Anonymised or erased"


class Method(models.TextChoices):
    ANONYMISE = "anonymise", "Anonymise"
    ERASE = "erase", "Erase"


class RetentionItem(HavenModel):
    """A person's record that the retention schedule says is due for review.

    The unit is the person with everything held about them (referrals, cases and their records):
    the schedule's record types are an adult's record, a child's and a record with no case.
    """

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="retention_items"
    )
    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    record_type = models.CharField(max_length=20)
    rule_code = models.CharField(max_length=20)
    trigger_on = models.DateField(
        help_text="The trigger event's date (closure, birth, last change)"
    )
    due_on = models.DateField(db_index=True)
    status = models.CharField(
        max_length=10, choices=ItemStatus.choices, default=ItemStatus.DUE, db_index=True
    )
    found_at = models.DateTimeField()
    deferred_until = models.DateField(null=True, blank=True)
    defer_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=10, choices=Method.choices, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            # idempotent scans: one open item per person
            models.UniqueConstraint(
                fields=["person"],
                condition=~models.Q(status="done"),
                name="retention_item_one_open_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_code} due {self.due_on}"


class LegalHold(HavenModel):
    """A hold on a person or a case: retention and erasure stop for everything it covers."""

    person = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="legal_holds"
    )
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="legal_holds"
    )
    reason = models.TextField()
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at"]
        constraints = [
            models.CheckConstraint(
                name="legal_hold_on_a_person_or_a_case",
                condition=(models.Q(person__isnull=False) & models.Q(case__isnull=True))
                | (models.Q(person__isnull=True) & models.Q(case__isnull=False)),
            )
        ]

    def __str__(self) -> str:
        return "Legal hold" + (" (lifted)" if self.lifted_at else "")

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None


class ErasureGround(models.TextChoices):
    # reference.md s7: Art. 17(1) grounds
    NOT_NECESSARY = "not_necessary", "No longer necessary for the purpose it was collected for"
    CONSENT_WITHDRAWN = "consent_withdrawn", "Consent withdrawn"
    OBJECTION = "objection", "Objection with no overriding legitimate grounds"
    UNLAWFUL = "unlawful", "Processed unlawfully"
    LEGAL_OBLIGATION_TO_ERASE = "legal_obligation", "A legal obligation to erase"
    CHILD_ONLINE_SERVICE = "child_online", "Collected from a child for an online service"


class ErasureDecision(models.TextChoices):
    PENDING = "pending", "Not decided"
    ERASE = "erase", "Erase"
    ANONYMISE = "anonymise", "Anonymise"
    REFUSE = "refuse", "Refuse"


class RefusalReason(models.TextChoices):
    # reference.md s7 (Erasure limits): Art. 17(3) and DPA 2018 Schedule 2
    LEGAL_CLAIMS = (
        "legal_claims",
        "Needed for the establishment, exercise or defence of legal claims",
    )
    LEGAL_OBLIGATION = "legal_obligation", "Needed to comply with a legal obligation"
    PUBLIC_TASK = "public_task", "Needed for a public-interest task or official authority"
    PUBLIC_HEALTH = "public_health", "Public health"
    ARCHIVING = "archiving", "Archiving, research or statistics"
    EXPRESSION = "expression", "Freedom of expression and information"
    SCHEDULE_2 = "schedule_2", "A DPA 2018 Schedule 2 exemption"


class ErasureRequest(HavenModel):
    """A request to erase a person's data (UK GDPR Art. 17), decided by the data protection
    officer and carried out through the same anonymise or erase path as retention."""

    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="erasure_requests"
    )
    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField()
    # reference.md s7: respond within one month (calendar month, next working day)
    due_on = models.DateField(db_index=True)
    grounds = models.CharField(max_length=20, choices=ErasureGround.choices)
    details = models.TextField(blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(
        max_length=10, choices=ErasureDecision.choices, default=ErasureDecision.PENDING
    )
    refusal_reason = models.CharField(max_length=20, choices=RefusalReason.choices, blank=True)
    decision_notes = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    carried_out_at = models.DateTimeField(null=True, blank=True)
    # reference.md s7: "If erased data was shared, tell the recipients unless this is impossible
    # or disproportionate" - a reminder until the share register records who was told
    recipients_to_tell = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.CheckConstraint(
                name="erasure_refusal_has_reason",
                condition=~models.Q(decision="refuse") | ~models.Q(refusal_reason=""),
            )
        ]

    def __str__(self) -> str:
        return f"Erasure request due {self.due_on}"


class Anonymisation(HavenModel):
    """That a person's record was anonymised or erased, when, by whom and why (no values)."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.PROTECT, related_name="anonymisation"
    )
    method = models.CharField(max_length=10, choices=Method.choices)
    done_at = models.DateTimeField()
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    retention_item = models.ForeignKey(
        RetentionItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    erasure_request = models.ForeignKey(
        ErasureRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    fields_cleared = models.PositiveIntegerField(default=0)
    rows_deleted = models.PositiveIntegerField(default=0)
    audit_events_redacted = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.done_at:%Y-%m-%d}"
