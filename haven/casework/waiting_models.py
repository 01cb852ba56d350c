"""The waiting list (issue 13; seed 003 s7, s13, s14): one entry per stay in the waiting-list
state, with why the person waits, what their place was decided on, and how the wait ended.

Imported by `casework.models`, so these are `casework` models like the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.deadlines import RISK_LEVEL_CHOICES


class WaitingReason(models.TextChoices):
    # seed 003 s13 "Reasons for waitlist": the seed lists none; Haven's set
    NO_CAPACITY = "no_capacity", "No caseworker capacity"
    SPECIALIST_LANGUAGE = "specialist_language", "Waiting for a worker who speaks their language"
    SPECIALIST_GENDER = "specialist_gender", "Waiting for a worker of the gender they asked for"
    SPECIALIST_OTHER = "specialist_other", "Waiting for a specialist worker"
    PERSON_ASKED = "person_asked", "The person asked to wait"
    GROUP_START = "group_start", "Waiting for a group or programme to start"
    OTHER = "other", "Other"


class WaitingLeftHow(models.TextChoices):
    SUPPORT_STARTED = "support_started", "Support started"
    CLOSED = "closed", "Case closed"
    MOVED_BACK = "moved_back", "Moved back to contacting"
    DECLINED = "declined", "Declined support"


class WaitingListEntry(HavenModel):
    """One stay on a contract's waiting list; `left_at` is empty while the person waits."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="waiting_entries"
    )
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, related_name="+")
    joined_at = models.DateTimeField()
    joined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=24, choices=WaitingReason.choices)
    reason_detail = models.TextField(blank=True)
    # what the place on the list was decided on, as recorded when the person joined (seed 003
    # s7); the list page recomputes them from the case now (casework.waiting_priority)
    risk_level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES, blank=True)
    dash_score = models.PositiveSmallIntegerField(null=True, blank=True)
    children = models.PositiveSmallIntegerField(default=0)
    needs = models.JSONField(default=list, blank=True)
    vulnerabilities = models.JSONField(default=list, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    left_how = models.CharField(max_length=20, choices=WaitingLeftHow.choices, blank=True)
    left_reason = models.TextField(blank=True)
    left_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["joined_at"]
        verbose_name_plural = "waiting list entries"
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(left_at__isnull=True),
                name="one_open_waiting_entry_per_case",
            )
        ]
        indexes = [models.Index(fields=["contract", "joined_at"])]

    def __str__(self) -> str:
        return f"Waiting list entry {self.pk}"

    @property
    def reason_text(self) -> str:
        label = WaitingReason(self.reason).label
        return f"{label}: {self.reason_detail}" if self.reason_detail else label
