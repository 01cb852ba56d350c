"""Risk assessments on a case, and checklist wordings a service has loaded under its licence."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel
from haven.deadlines import RISK_LEVEL_CHOICES


class RiskStage(models.TextChoices):
    """When the checklist was completed (seed 004 s4.2 and s7.5 name these points)."""

    REFERRAL = "referral", "At referral"
    FIRST_CONTACT = "first_contact", "At first contact"
    ARRIVAL = "arrival", "On arrival (refuge)"
    REVIEW = "review", "Review"
    INCIDENT = "incident", "After an incident or a change in risk"
    EXIT = "exit", "At exit"


class RiskChecklist(HavenModel):
    """A checklist definition loaded by a service (e.g. its licensed wording of dash-ric-24)."""

    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=100)
    wording = models.CharField(max_length=20)
    definition = models.JSONField(help_text="The validated definition, as loaded")
    sha256 = models.CharField(max_length=64)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"


class RiskAssessment(HavenModel):
    """One completed checklist: raw answers, score, judgement and level as separate fields.

    reference.md s1.4 note (a): the level is not a pure function of the score, so the score,
    the level the score gives, the computed level and the final level are all kept.
    """

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="risk_assessments"
    )
    stage = models.CharField(max_length=20, choices=RiskStage.choices)
    checklist_key = models.CharField(max_length=80)
    checklist_version = models.CharField(max_length=100)
    answers = models.JSONField(help_text="question key: {answer, source, comment}")
    score = models.PositiveSmallIntegerField(help_text="Number of yes answers")
    professional_judgement = models.BooleanField(default=False)
    professional_judgement_reason = models.TextField(blank=True)
    incidents_last_12_months = models.PositiveSmallIntegerField(null=True, blank=True)
    score_level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES)
    computed_level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES)
    level = models.CharField(max_length=10, choices=RISK_LEVEL_CHOICES, db_index=True)
    override_reason = models.TextField(blank=True)
    reasons = models.JSONField(default=list, help_text="[{code, text}] every reason that applies")
    thresholds = models.JSONField(default=dict, help_text="The profile thresholds used")
    marac_referral_required = models.BooleanField(default=False)
    completed_at = models.DateTimeField(db_index=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-completed_at", "-created_at"]
        indexes = [models.Index(fields=["case", "completed_at"])]

    def __str__(self) -> str:
        return f"Risk assessment {self.pk}"

    @property
    def is_overridden(self) -> bool:
        return self.level != self.computed_level
