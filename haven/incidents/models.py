"""Serious incidents, complaints and compliments of a commissioned service (issue 12 items 10-11).

- A serious incident (seed 004 s9: "domestic homicides and near misses, serious case reviews,
  safeguarding adult reviews, drug related deaths and serious and untoward incidents") is
  recorded against a case or against the service (its contract) alone; the commissioner is told
  within the profile's deadline, then the incident is reviewed and its learning recorded.
- A complaint (seed 001 s8 "complaints received (and number resolved)"; seed 000 s6; seed 002
  s9; seed 004 s10) moves through the stages the provider's profile sets (`complaints:`), each
  with a response due in working days, and ends with an outcome.
- A compliment (seed 004 s10 "compliments and complaints").

Who complained or complimented is a category, never a name (it is not personal data in URLs,
logs or returns); the case link, when there is one, says whose support it was about.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class IncidentKind(models.TextChoices):
    # seed 004 s9, in its order
    DOMESTIC_HOMICIDE = "domestic_homicide", "Domestic homicide"
    NEAR_MISS = "near_miss", "Near miss (attempted homicide)"
    SERIOUS_CASE_REVIEW = "serious_case_review", "Serious case review"
    SAFEGUARDING_ADULT_REVIEW = "safeguarding_adult_review", "Safeguarding adult review"
    DRUG_RELATED_DEATH = "drug_related_death", "Drug-related death"
    SERIOUS_UNTOWARD = "serious_untoward", "Another serious and untoward incident"


class ReviewStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class SeriousIncident(HavenModel):
    """One serious incident: against a case, or the service alone (`case` empty)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="serious_incidents"
    )
    # the register outlives a case's deletion (retention): the link is dropped, the row stays
    case = models.ForeignKey(
        "casework.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="serious_incidents",
    )
    kind = models.CharField(max_length=32, choices=IncidentKind.choices)
    occurred_at = models.DateTimeField()
    summary = models.TextField()
    # seed 004 s9: the commissioner told "within 3 days of the incident" (the profile's rule
    # whose clock starts at `serious_incident`); empty when the contract sets no such duty
    notification_due_at = models.DateTimeField(null=True, blank=True)
    notification_rule = models.CharField(max_length=80, blank=True)
    notification_explanation = models.CharField(max_length=500, blank=True)
    # the deadline task on the case (a case-level incident on a contract with the duty)
    task = models.ForeignKey(
        "casework.Task", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    notified_to = models.CharField(max_length=200, blank=True)
    notified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # seed 004 s9: "investigation, reporting of findings, learning to be gained (if any), and an
    # action plan to implement that learning"
    review_status = models.CharField(
        max_length=12, choices=ReviewStatus.choices, default=ReviewStatus.NOT_STARTED
    )
    findings = models.TextField(blank=True)
    learning = models.TextField(blank=True)
    action_plan = models.TextField(blank=True)
    review_completed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [
            models.Index(fields=["contract", "occurred_at"], name="incident_contract_occurred")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(notified_at__isnull=True, notified_to="")
                | (models.Q(notified_at__isnull=False) & ~models.Q(notified_to="")),
                name="incident_notified_has_recipient",
            ),
            models.CheckConstraint(
                condition=~models.Q(review_status=ReviewStatus.COMPLETED)
                | models.Q(review_completed_on__isnull=False),
                name="incident_review_completed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def is_notified(self) -> bool:
        return self.notified_at is not None

    @property
    def notified_late(self) -> bool:
        due, sent = self.notification_due_at, self.notified_at
        return due is not None and sent is not None and sent > due


class FromCategory(models.TextChoices):
    """Who a complaint or compliment came from: a category, never a name."""

    SERVICE_USER = "service_user", "A service user"
    FAMILY_OR_FRIEND = "family_or_friend", "A family member or friend of a service user"
    PROFESSIONAL = "professional", "A professional or partner agency"
    COMMISSIONER = "commissioner", "The commissioner"
    PUBLIC = "public", "A member of the public"
    ANONYMOUS = "anonymous", "Anonymous"


class ComplaintRoute(models.TextChoices):
    PHONE = "phone", "Phone"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    FEEDBACK_FORM = "feedback_form", "Feedback form or website"
    VIA_COMMISSIONER = "via_commissioner", "Passed on by the commissioner"


class ComplaintSubject(models.TextChoices):
    STAFF_CONDUCT = "staff_conduct", "Staff conduct or attitude"
    QUALITY_OF_SUPPORT = "quality_of_support", "Quality of support"
    DELAY = "delay", "Delay or waiting time"
    COMMUNICATION = "communication", "Communication"
    DECISION = "decision", "A decision (eligibility, exclusion, closure)"
    ACCOMMODATION = "accommodation", "Accommodation or premises"
    CONFIDENTIALITY = "confidentiality", "Confidentiality or safety"
    OTHER = "other", "Something else"


class ComplaintOutcome(models.TextChoices):
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn by the complainant"


class Complaint(HavenModel):
    """One complaint about the service; resolved when its outcome is recorded."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="complaints"
    )
    case = models.ForeignKey(
        "casework.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints"
    )
    received_on = models.DateField()
    complainant = models.CharField(max_length=20, choices=FromCategory.choices)
    route = models.CharField(max_length=20, choices=ComplaintRoute.choices)
    subject = models.CharField(max_length=20, choices=ComplaintSubject.choices)
    summary = models.TextField()
    outcome = models.CharField(max_length=16, choices=ComplaintOutcome.choices, blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    learning = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-recorded_at"]
        indexes = [
            models.Index(fields=["contract", "received_on"], name="complaint_contract_received")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome="", resolved_on__isnull=True)
                | (~models.Q(outcome="") & models.Q(resolved_on__isnull=False)),
                name="complaint_outcome_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Complaint received {self.received_on:%d %b %Y}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_on is not None


class ComplaintStage(HavenModel):
    """One stage a complaint went through (the profile's `complaints.stages`), with the response
    due the provider's procedure sets and the day it was answered."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=40)  # a key of the profile's complaints.stages
    label = models.CharField(max_length=100)  # as the profile named it at the time
    position = models.PositiveSmallIntegerField()
    started_on = models.DateField()
    response_due_on = models.DateField()
    working_days = models.PositiveSmallIntegerField()
    responded_on = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "stage"], name="complaint_stage_once"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def responded_late(self) -> bool:
        return self.responded_on is not None and self.responded_on > self.response_due_on


class Compliment(HavenModel):
    """One compliment about the service (seed 004 s10)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="compliments"
    )
    case = models.ForeignKey(
        "casework.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="compliments",
    )
    received_on = models.DateField()
    complimenter = models.CharField(max_length=20, choices=FromCategory.choices)
    about = models.CharField(max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_on", "-recorded_at"]
        indexes = [
            models.Index(fields=["contract", "received_on"], name="compliment_contract_received")
        ]

    def __str__(self) -> str:
        return f"Compliment received {self.received_on:%d %b %Y}"
