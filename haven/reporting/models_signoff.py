"""Signed-off returns: a frozen snapshot of a contract's figures for a period, in versions.

A return is a *draft* while it is computed live from the records (the returns page). Signing it
off freezes one version (`ReturnSnapshot`): the figures, the records behind each measure (for the
regeneration diff), the exact JSON export bytes and their SHA-256. Submitting that version sends
it to the commissioner, who never sees a draft. Signing off again after records change makes a
new version; the highest version of a contract and period is the current one.
"""

from __future__ import annotations

import zlib
from typing import Any

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.reporting.record_sets import unpack


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED_OFF = "signed_off", "Signed off"
    SUBMITTED = "submitted", "Submitted"


class ReturnSnapshot(HavenModel):
    """One signed-off version of a contract's return for a period (seed 004 s11.1; issue 10 s2)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="return_snapshots"
    )
    period_code = models.CharField(max_length=40)  # e.g. 2026-Q1
    period_kind = models.CharField(max_length=20)  # quarter | month | half_year | year
    first = models.DateField()
    last = models.DateField()
    version = models.PositiveIntegerField()
    status = models.CharField(
        max_length=20, choices=ReturnStatus.choices, default=ReturnStatus.SIGNED_OFF
    )
    figures = models.JSONField(help_text="serialise.return_json at sign-off")
    # {"ids": [distinct record ids], "measures": {id: {"kind", "n": [index], "d": [index]}}},
    # JSON, zlib-compressed: see haven/reporting/README.md ("Snapshots") for the size trade-off.
    record_ids = models.BinaryField()
    # The JSON export exactly as delivered (exports.render(figures, "json")), zlib-compressed.
    export_json = models.BinaryField()
    export_sha256 = models.CharField(max_length=64)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="returns_signed_off"
    )
    signed_off_at = models.DateTimeField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="returns_submitted",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    remedial_plan = models.TextField(blank=True)
    exceptions_at_sign_off = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["contract", "-first", "period_code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "period_code", "version"],
                name="return_snapshot_one_per_version",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="draft"), name="return_snapshot_never_draft"
            ),
            models.CheckConstraint(
                condition=models.Q(status="submitted", submitted_at__isnull=False)
                | (~models.Q(status="submitted") & models.Q(submitted_at__isnull=True)),
                name="return_snapshot_submitted_has_time",
            ),
        ]
        indexes = [models.Index(fields=["contract", "period_code"])]

    def __str__(self) -> str:
        return f"{self.period_code} v{self.version} ({self.get_status_display()})"

    def export_bytes(self) -> bytes:
        """The JSON export exactly as signed off (its SHA-256 is `export_sha256`)."""
        return zlib.decompress(bytes(self.export_json))

    def measure_records(self) -> dict[str, dict[str, Any]]:
        """{measure id: {"kind", "numerator": [ids], "denominator": [ids] | None}}."""
        return unpack(bytes(self.record_ids))


class ReturnDueDate(HavenModel):
    """A due date a service manager sets for one contract and period, overriding the profile's
    `reporting.due` (seed 004 s10: Cornwall's KPIs are due "1 week prior to the contract review
    meetings", whose dates only the service knows)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="return_due_dates"
    )
    period_code = models.CharField(max_length=40)
    due_on = models.DateField()
    reason = models.CharField(max_length=500, blank=True)
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "period_code"], name="return_due_date_one_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_code} due {self.due_on}"
