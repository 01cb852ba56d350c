"""The log of handover exports and imports that ran in this Haven (who, when, contract, counts,
result). It holds no personal data: counts per record type and problem counts only."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class HandoverKind(models.TextChoices):
    EXPORT = "export", "Export"
    IMPORT = "import", "Import"
    DRY_RUN = "dry_run", "Import check (dry run)"


class HandoverResult(models.TextChoices):
    DONE = "done", "Done"
    ALREADY_HELD = "already_held", "Already held: nothing changed"
    REFUSED = "refused", "Refused"
    CHECKED = "checked", "Checked: would import"


class HandoverRun(HavenModel):
    """One run of `haven handover export` or `haven handover import`."""

    kind = models.CharField(max_length=20, choices=HandoverKind.choices)
    result = models.CharField(max_length=20, choices=HandoverResult.choices)
    contract_slug = models.SlugField(max_length=80)
    contract_name = models.CharField(max_length=200, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=200, help_text="Email or 'system' at the time")
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    counts = models.JSONField(default=dict, blank=True, help_text="records per type")
    total = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    bundle_sha256 = models.CharField(max_length=64, blank=True, help_text="of manifest.json")
    summary = models.TextField(blank=True, help_text="outcome in words, no personal data")

    class Meta:
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.contract_slug} {self.result}"
