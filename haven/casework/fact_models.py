"""Facts that returns count, each in its own row: exit interviews, onward referrals and needs
assessments. Services write them (`services/exit_steps.py`, `services/tasks.py`) with a timeline
entry pointing at the row; measures read these fields, never the timeline's `data`.

Imported by `casework.models`, so they are `casework` models like the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.lawful_basis import ShareBasis
from haven.core.models import HavenModel


class InterviewMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "By phone"
    VIDEO = "video", "By video call"
    DECLINED = "declined", "Declined by the survivor"
    # only on rows migrated from timeline entries that did not say how (services never write it)
    NOT_RECORDED = "not_recorded", "Not recorded"


class InterviewOutcome(models.TextChoices):
    HELD = "held", "Held"
    DECLINED = "declined", "Declined by the survivor"


class AgencyType(models.TextChoices):
    """What kind of agency an onward referral went to (returns: onward referrals by type)."""

    HOUSING = "housing", "Housing"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_MISUSE = "substance_misuse", "Drug or alcohol service"
    SOCIAL_CARE_ADULTS = "social_care_adults", "Adult social care"
    SOCIAL_CARE_CHILDREN = "social_care_children", "Children’s social care"
    POLICE = "police", "Police"
    LEGAL = "legal", "Legal advice or representation"
    HEALTH = "health", "Health (GP, hospital, sexual health)"
    IDVA = "idva", "IDVA service"
    # seed 004 s10 SC10: the adult victim engaged in both domestic abuse and sexual violence
    # services (issue 16)
    SEXUAL_VIOLENCE = "sexual_violence", "Sexual violence service (ISVA, SARC or rape crisis)"
    TARGET_HARDENING = "target_hardening", "Target hardening (sanctuary scheme)"
    PERPETRATOR_PROGRAMME = "perpetrator_programme", "Perpetrator programme"
    COUNSELLING = "counselling", "Counselling or therapy"
    # issue 11: the areas seed 004 s10 A6 and seed 003 s13 count support in
    PARENTING = "parenting", "Parenting support or programme"
    EDUCATION_EMPLOYMENT = "education_employment", "Education, training or employment"
    FINANCE = "finance", "Money, debt or benefits advice"
    OTHER = "other", "Other"


class OnwardReferralKind(models.TextChoices):
    REFERRAL = "referral", "Referral for support alongside ours"
    # seed 002 Lot 1 s7: "directly passed onto more appropriate support services"
    PASSED_ON = "passed_on", "Passed directly to a more appropriate service"


class ReferralOutcome(models.TextChoices):
    AWAITING = "awaiting", "Awaiting a reply"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    NO_REPLY = "no_reply", "No reply"


class NeedsStage(models.TextChoices):
    INITIAL = "initial", "Initial"
    REVIEW = "review", "Review"
    EXIT = "exit", "Before closure (distance travelled)"


class NeedsLevel(models.IntegerChoices):
    """Haven's own 4-point level of need for one area of a needs assessment (not any licensed
    instrument's wording: reference.md on Outcomes Star and SafeLives Insights)."""

    NONE = 0, "No need now"
    LOW = 1, "Low: coping, light help would do"
    MEDIUM = 2, "Medium: needs regular support"
    HIGH = 3, "High: needs support urgently"


def _recorded_by() -> models.ForeignKey:  # type: ignore[type-arg]
    # null only for rows migrated from timeline entries written without a signed-in actor
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class ExitInterview(HavenModel):
    """The exit interview: held (in person, phone, video) or declined by the survivor."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="exit_interviews"
    )
    held_at = models.DateTimeField()
    method = models.CharField(max_length=12, choices=InterviewMethod.choices)
    outcome = models.CharField(max_length=10, choices=InterviewOutcome.choices)
    summary = models.TextField(blank=True)
    recorded_by = _recorded_by()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-held_at"]
        indexes = [
            models.Index(fields=["case", "held_at"], name="exit_interview_case_held"),
            models.Index(fields=["held_at"], name="exit_interview_held"),
        ]


class OnwardReferral(HavenModel):
    """A referral to another agency made with the survivor's consent."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="onward_referrals"
    )
    made_at = models.DateTimeField()
    agency = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=30, choices=AgencyType.choices)
    need = models.CharField(max_length=200, blank=True)
    consent = models.BooleanField()
    note = models.TextField(blank=True)
    recorded_by = _recorded_by()
    recorded_at = models.DateTimeField()
    # issue 11 item 4: the directory entry picked (none: "other", named in `agency`), the
    # profile's needs area it addresses, why it was shared without consent, and its outcome
    directory_agency = models.ForeignKey(
        "casework.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    kind = models.CharField(
        max_length=12, choices=OnwardReferralKind.choices, default=OnwardReferralKind.REFERRAL
    )
    need_area = models.CharField(max_length=80, blank=True)
    consent_override = models.TextField(blank=True)
    # without consent: the lawful basis relied on (reference.md s7); blank with consent. Rows
    # from before it was asked relied on safeguarding, as the share register recorded them.
    override_basis = models.CharField(max_length=20, choices=ShareBasis.choices, blank=True)
    outcome = models.CharField(
        max_length=10, choices=ReferralOutcome.choices, default=ReferralOutcome.AWAITING
    )
    outcome_at = models.DateTimeField(null=True, blank=True)
    outcome_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-made_at"]
        indexes = [
            models.Index(fields=["case", "made_at"], name="onward_referral_case_made"),
            models.Index(fields=["made_at"], name="onward_referral_made"),
        ]


class NeedsAssessment(HavenModel):
    """A needs assessment: initial, a scheduled review, or the reassessment before closure."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="needs_assessments"
    )
    stage = models.CharField(max_length=10, choices=NeedsStage.choices)
    assessed_at = models.DateTimeField()
    summary = models.TextField(blank=True)
    rule_key = models.CharField(max_length=80, blank=True)  # the profile rule of its task
    task = models.ForeignKey(
        "casework.Task", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_by = _recorded_by()
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-assessed_at"]
        indexes = [
            models.Index(fields=["case", "assessed_at"], name="needs_assessment_case_assessed"),
            models.Index(fields=["assessed_at"], name="needs_assessment_assessed"),
        ]


class NeedsAssessmentArea(HavenModel):
    """One area of a needs assessment (the profile's `needs_assessment.areas`) and its level of
    need; distance travelled compares an area's levels across assessments (seed 002 s3.9, s7)."""

    assessment = models.ForeignKey(NeedsAssessment, on_delete=models.CASCADE, related_name="areas")
    area = models.CharField(max_length=80)  # a key of the profile's needs_assessment areas
    level = models.PositiveSmallIntegerField(choices=NeedsLevel.choices)
    notes = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "area"], name="needs_assessment_area_once"
            ),
        ]
