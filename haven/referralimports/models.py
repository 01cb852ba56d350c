"""Runs of the file routes and every row's outcome.

A run keeps the file's name and SHA-256, never its content; a row keeps its number, its source
id (a crime or Sentinel reference, not a name), its outcome and its problems by column.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class RunStatus(models.TextChoices):
    RUNNING = "running", "Running"
    IMPORTED = "imported", "Imported"
    SOME_REFUSED = "some_refused", "Imported, some rows refused"
    REFUSED = "refused", "Refused; nothing imported"


class ImportRun(HavenModel):
    """One import of one file from one source into one contract."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="referral_import_runs"
    )
    source = models.CharField(max_length=30, help_text="The mapping's source, e.g. police-daily")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=255)
    file_sha256 = models.CharField(max_length=64)
    encoding = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=15, choices=RunStatus.choices, default=RunStatus.RUNNING)
    error = models.TextField(blank=True, help_text="Why the whole file was refused")
    file_problems = models.JSONField(default=list, blank=True, help_text="[{column, reason}]")
    rows_read = models.PositiveIntegerField(default=0)
    blank_rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    already_imported = models.PositiveIntegerField(default=0)
    repeated = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    not_imported = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"Referral import {self.pk}"


class RowOutcome(models.TextChoices):
    CREATED = "created", "Referral created"
    ALREADY_IMPORTED = "already", "Already imported"
    REPEATED = "repeated", "Repeats an earlier row (counted once)"
    REFUSED = "refused", "Refused"
    NOT_IMPORTED = "not_imported", "Not imported (the file was refused)"


class ImportRow(HavenModel):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="rows")
    row_number = models.PositiveIntegerField(help_text="Row in the file; row 1 is the header")
    source_id = models.CharField(max_length=100, blank=True)
    outcome = models.CharField(max_length=15, choices=RowOutcome.choices)
    problems = models.JSONField(default=list, blank=True, help_text="[{column, reason}]")
    referral = models.ForeignKey(
        "referrals.Referral",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    new_person = models.BooleanField(default=False)

    class Meta:
        ordering = ["row_number"]
        constraints = [
            models.UniqueConstraint(fields=["run", "row_number"], name="import_row_once")
        ]

    def __str__(self) -> str:
        return f"Import row {self.row_number}"
