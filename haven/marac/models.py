"""MARAC: referrals of a case to its area's Multi-Agency Risk Assessment Conference, the
meetings that hear them, the actions agreed, and the new incidents that make a case a repeat
(reference.md s2 and s1.4; seed 001 Lot 3; seed 004 s4.2, s7.5, s6.7).

What returns count is a field here (area, dates, agency, criteria, repeat flag, attendance), never
JSON in a timeline event.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel

# reference.md s1.4 "Repeat Marac": any incident within 12 months of the last referral
REPEAT_WINDOW_DAYS = 365
# reference.md s2: "a case review date 12 months after the referral"
REVIEW_AFTER_DAYS = 365


class MaracArea(HavenModel):
    """One MARAC a provider's cases are referred to (e.g. "Cornwall", "Leicester City")."""

    organisation = models.ForeignKey(
        "contracts.Organisation", on_delete=models.PROTECT, related_name="marac_areas"
    )
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="marac_area_name_unique")
        ]

    def __str__(self) -> str:
        return self.name


class MaracAgency(models.TextChoices):
    """The agencies that refer to, sit at and own actions of a MARAC (Haven's grouping of the
    agencies a MARAC usually hears from; reference.md s2 lists the referrer's agency)."""

    POLICE = "police", "Police"
    IDVA = "idva", "IDVA service"
    SPECIALIST_DA = "specialist_da", "Other specialist domestic abuse service"
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children’s social care"
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    HEALTH = "health", "Health (GP, hospital, health visiting)"
    MENTAL_HEALTH = "mental_health", "Mental health"
    HOUSING = "housing", "Housing"
    PROBATION = "probation", "Probation"
    EDUCATION = "education", "Education"
    SUBSTANCE_MISUSE = "substance_misuse", "Drug or alcohol service"
    OTHER = "other", "Other"


class MaracCriterion(models.TextChoices):
    """SafeLives' four referral criteria (reference.md s1.4)."""

    VISIBLE_HIGH_RISK = "visible_high_risk", "Visible high risk"
    PROFESSIONAL_JUDGEMENT = "professional_judgement", "Professional judgement"
    POTENTIAL_ESCALATION = "potential_escalation", "Potential escalation"
    REPEAT = "repeat", "Repeat MARAC"


class MaracReferral(HavenModel):
    """One referral of a case to a MARAC, with the fields reference.md s2 lists for the
    referral and consent groups (the victim's identity is the case's person, not copied)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.PROTECT, related_name="marac_referrals"
    )
    area = models.ForeignKey(MaracArea, on_delete=models.PROTECT, related_name="referrals")
    referred_on = models.DateField(db_index=True)
    referring_agency = models.CharField(max_length=30, choices=MaracAgency.choices)
    criteria = models.JSONField(default=list, help_text="MaracCriterion values that apply")
    ric_score = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Number of yes answers on the checklist, if completed"
    )
    judgement_reasons = models.TextField(blank=True)
    research_summary = models.TextField(blank=True)
    consent = models.BooleanField(help_text="The victim consents to the referral")
    victim_aware = models.BooleanField(help_text="The victim knows of the referral")
    without_consent_reason = models.TextField(blank=True)
    is_repeat = models.BooleanField(default=False)
    previous_referral = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.ForeignKey(
        "risk.RiskAssessment", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-referred_on", "-recorded_at"]
        indexes = [models.Index(fields=["case", "referred_on"], name="marac_referral_case_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent=True) | ~models.Q(without_consent_reason=""),
                name="marac_referral_without_consent_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"MARAC referral {self.referred_on:%d %b %Y}"

    @property
    def review_on(self) -> dt.date:
        """reference.md s2: the case is reviewed 12 months after the referral."""
        return self.referred_on + dt.timedelta(days=REVIEW_AFTER_DAYS)

    @property
    def criteria_labels(self) -> list[str]:
        return [MaracCriterion(c).label for c in self.criteria if c in MaracCriterion.values]


class Incident(HavenModel):
    """A new incident reported on a case (reference.md s1.4: any instance of abuse between the
    same victim and perpetrator). Within 12 months of the person's last MARAC referral it makes
    the case a repeat MARAC."""

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="incidents")
    occurred_on = models.DateField()
    summary = models.TextField()
    police_reference = models.CharField(max_length=50, blank=True)
    repeat_marac = models.BooleanField(default=False)
    last_referral = models.ForeignKey(
        MaracReferral, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]

    def __str__(self) -> str:
        return f"Incident {self.occurred_on:%d %b %Y}"


class MaracMeeting(HavenModel):
    """One MARAC meeting of an area: who came, and whether the service's IDVA attended."""

    area = models.ForeignKey(MaracArea, on_delete=models.PROTECT, related_name="meetings")
    held_on = models.DateField(db_index=True)
    agencies_present = models.JSONField(default=list, help_text="MaracAgency values")
    idva_attended = models.BooleanField(help_text="The service's IDVA attended the meeting")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(fields=["area", "held_on"], name="marac_meeting_once_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.area} MARAC {self.held_on:%d %b %Y}"

    @property
    def agencies_labels(self) -> list[str]:
        return [MaracAgency(a).label for a in self.agencies_present if a in MaracAgency.values]


class MaracHearing(HavenModel):
    """A referred case heard at a meeting: the outcome, and whether the victim was represented
    by the service (seed 004 s6.7: attend to represent the victim)."""

    meeting = models.ForeignKey(MaracMeeting, on_delete=models.PROTECT, related_name="hearings")
    referral = models.ForeignKey(MaracReferral, on_delete=models.PROTECT, related_name="hearings")
    outcome = models.TextField(blank=True)
    idva_represented = models.BooleanField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["meeting__held_on", "recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "referral"], name="marac_hearing_once")
        ]

    def __str__(self) -> str:
        return f"Hearing at {self.meeting}"


class ActionStatus(models.TextChoices):
    """reference.md s2: separate actions an agency did not take from those a change in
    circumstances made impossible."""

    OPEN = "open", "Open"
    DONE = "done", "Done"
    AGENCY_DID_NOT_ACT = "agency_did_not_act", "Not done: the agency did not act"
    CIRCUMSTANCES_CHANGED = "circumstances_changed", "Not done: circumstances changed"


class MaracAction(HavenModel):
    """An action agreed for a case heard at a MARAC (reference.md s2: owner agency, description,
    due date, status)."""

    hearing = models.ForeignKey(MaracHearing, on_delete=models.PROTECT, related_name="actions")
    owning_agency = models.CharField(max_length=30, choices=MaracAgency.choices)
    description = models.TextField()
    due_on = models.DateField()
    status = models.CharField(max_length=24, choices=ActionStatus.choices, default="open")
    status_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "recorded_at"]

    def __str__(self) -> str:
        return f"MARAC action due {self.due_on:%d %b %Y}"
