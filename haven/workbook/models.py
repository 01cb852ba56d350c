"""The workbook adapter's records: runs, police nominal links, imported incidents, reviews.

A run keeps the file's name and SHA-256, never its content; names and dates of birth are kept
only on a review that needs them to create or find the person, and only until it is decided.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from haven.core.models import HavenModel


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Imported"
    FAILED = "failed", "Failed; nothing imported"


# A run is one process reading one export: minutes, even for a year of a force's incidents
# (benchmarks/). One still "running" this long after it started was stopped mid-way (a kill -9, a
# machine restart): its import transaction was rolled back, so nothing of it was imported.
INTERRUPTED_AFTER = timedelta(hours=6)


class WorkbookRun(HavenModel):
    """One import of a police export: who, when, which file (name and hash) and what happened."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="workbook_runs"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64)
    identity = models.CharField(max_length=10)
    as_of = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.RUNNING)
    error = models.TextField(blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    invalid = models.PositiveIntegerField(default=0)
    eligible = models.PositiveIntegerField(default=0)
    excluded = models.PositiveIntegerField(default=0)
    referrals_created = models.PositiveIntegerField(default=0)
    already_imported = models.PositiveIntegerField(default=0)
    sent_to_review = models.PositiveIntegerField(default=0)
    issues = models.JSONField(
        default=list, blank=True, help_text="[{row, field, reason, severity}]"
    )

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Workbook run {self.pk}"

    def is_interrupted(self, now: datetime) -> bool:
        """Still "running" long after it started: its process stopped (services.py marks it
        failed at the next import; pages say so meanwhile)."""
        return self.status == RunStatus.RUNNING and self.started_at < now - INTERRUPTED_AFTER

    @property
    def shown_status(self) -> str:
        """The status as pages show it: an interrupted run is not "Running"."""
        if self.is_interrupted(timezone.now()):
            return "Interrupted; nothing imported"
        return str(self.get_status_display())


class PoliceNominal(HavenModel):
    """A police nominal id known to be this person (set on import or by a reviewer)."""

    source = models.CharField(max_length=40, help_text="The export's source, e.g. workbook:slug")
    nominal_id = models.CharField(max_length=100, help_text="Lower case, trimmed")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="police_nominals"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "nominal_id"], name="police_nominal_once")
        ]

    def __str__(self) -> str:
        return f"Police nominal {self.pk}"


class ImportedIncident(HavenModel):
    """An eligible incident that became a referral in a run (the run's new referrals)."""

    run = models.ForeignKey(WorkbookRun, on_delete=models.PROTECT, related_name="imported")
    referral = models.OneToOneField(
        "referrals.Referral", on_delete=models.PROTECT, related_name="workbook_incident"
    )
    incident_id = models.CharField(max_length=100)

    class Meta:
        ordering = ["incident_id"]

    def __str__(self) -> str:
        return f"Imported incident {self.pk}"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Waiting for review"
    LINKED = "linked", "Linked to an existing person"
    NEW_PERSON = "new_person", "Confirmed as a new person"


class IdentityReview(HavenModel):
    """An eligible incident whose victim may be someone Haven already knows: a person decides."""

    run = models.ForeignKey(WorkbookRun, on_delete=models.PROTECT, related_name="reviews")
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=40)
    incident_id = models.CharField(max_length=100)
    incident_at = models.DateTimeField()
    victim_key = models.CharField(max_length=40)
    nominal_id = models.CharField(max_length=100, blank=True)
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    risk_grade = models.CharField(max_length=20, blank=True)
    match_confidence = models.CharField(max_length=20, blank=True)
    candidates = models.ManyToManyField("people.Person", related_name="+")
    candidate_reasons = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    referral = models.OneToOneField(
        "referrals.Referral",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="workbook_review",
    )

    class Meta:
        ordering = ["incident_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "incident_id"], name="review_incident_once")
        ]

    def __str__(self) -> str:
        return f"Identity review {self.pk}"
