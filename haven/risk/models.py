"""Risk assessments on a case, and checklist wordings a service has loaded under its licence."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.encrypted_fields import EncryptedJSONField
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
    # ADR 0019: the answers and their comments are encrypted at rest (score and levels are not)
    answers = EncryptedJSONField(help_text="question key: {answer, source, comment}")
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


class RiskChange(HavenModel):
    """A change of risk recorded on a case (seed 004 s4.2: risk is reassessed "after any
    incident/change of risk"), with the reassessment task it created when the profile asks."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="risk_changes")
    occurred_at = models.DateTimeField()
    reason = models.TextField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    task = models.ForeignKey(
        "casework.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-created_at"]

    def __str__(self) -> str:
        return f"Change of risk {self.pk}"


class ScreeningTool(models.TextChoices):
    """Screening on a case (seed 004 s6.2 ACEs, s6.3, s6.4). AUDIT and DUDIT keep the score only
    (docs/adr/0016-screening-tools-score-only.md)."""

    ACES = "aces", "Adverse childhood experiences (ACEs) routine enquiry"
    MENTAL_HEALTH = "mental_health", "Mental health"
    AUDIT = "audit", "AUDIT (alcohol)"
    DUDIT = "dudit", "DUDIT (drugs)"


# seed 004 s6.4: AUDIT has 10 items scored 0-40, DUDIT 11 items scored 0-44
SCORE_RANGES = {ScreeningTool.AUDIT: (0, 40), ScreeningTool.DUDIT: (0, 44)}


class Screening(HavenModel):
    """One screening: ACEs routine enquiry asked (yes/no), mental health flags (seed 004 s6.3:
    formal diagnosis, keyworker-identified, mental health service involvement), or an AUDIT or
    DUDIT total score. Always with the date it was done."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="screenings")
    tool = models.CharField(max_length=20, choices=ScreeningTool.choices)
    screened_on = models.DateField()
    aces_asked = models.BooleanField(null=True, blank=True)
    mh_diagnosis = models.BooleanField(null=True, blank=True)
    mh_keyworker_identified = models.BooleanField(null=True, blank=True)
    mh_service_involvement = models.BooleanField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-screened_on", "-created_at"]

    def __str__(self) -> str:
        return f"Screening {self.pk}"
