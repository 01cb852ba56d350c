"""Restorative justice on a victim's case (seed 002 Lot 1 s3.10; reference.md §6): a process
asked for by the victim, with the offender's admission, direct or indirect, through its stages
to an outcome and the victim's view of it."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ContactType(models.TextChoices):
    # seed 002 s3.10: "Restorative contact can be either direct or indirect"
    CONFERENCE = "conference", "Direct: a restorative conference"
    CALL = "call", "Indirect: telephone or video conference"
    SHUTTLE = "shuttle", "Indirect: shuttle mediation"


class SensitiveOffence(models.TextChoices):
    """seed 002 s3.10: offences where RJ takes place "only in exceptional circumstances"."""

    NONE = "none", "None of these"
    SEXUAL_VIOLENCE = "sexual_violence", "Sexual violence"
    DOMESTIC_VIOLENCE = "domestic_violence", "Domestic violence"
    HUMAN_TRAFFICKING = "human_trafficking", "Human trafficking"
    STALKING = "stalking", "Stalking"
    CHILD_SEXUAL_EXPLOITATION = "child_sexual_exploitation", "Child sexual exploitation"
    DEATH = "death", "An offence that resulted in death"


class Stage(models.TextChoices):
    REFERRED = "referred", "Referred"
    SUITABLE = "suitable", "Assessed as suitable"
    PREPARATION = "preparation", "Preparation"
    HELD = "held", "Conference or indirect process held"
    FOLLOW_UP = "follow_up", "Follow-up"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    UNSUITABLE = "unsuitable", "Assessed as unsuitable"


ENDED = (Stage.CLOSED, Stage.WITHDRAWN, Stage.UNSUITABLE)


class Outcome(models.TextChoices):
    AGREEMENT = "agreement", "Outcome agreement reached"
    EXCHANGE = "exchange", "Communication exchanged, no agreement"
    APOLOGY = "apology", "Apology given"
    NOT_COMPLETED = "not_completed", "Process not completed"


class VictimView(models.TextChoices):
    VERY_SATISFIED = "very_satisfied", "Very satisfied"
    SATISFIED = "satisfied", "Satisfied"
    NEITHER = "neither", "Neither satisfied nor dissatisfied"
    DISSATISFIED = "dissatisfied", "Dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied", "Very dissatisfied"
    NOT_GIVEN = "not_given", "Did not want to say"


class RestorativeProcess(HavenModel):
    """One restorative justice process on a case, from the victim's request to its close."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="restorative_processes"
    )
    # seed 002 s3.10: "Restorative contact must be victim-initiated"
    victim_requested_on = models.DateField()
    # seed 002 s3.10: "provided the offender has admitted guilt and accepted responsibility"
    offender_admitted = models.BooleanField()
    contact_type = models.CharField(max_length=16, choices=ContactType.choices)
    sensitive_offence = models.CharField(
        max_length=32, choices=SensitiveOffence.choices, default=SensitiveOffence.NONE
    )
    exceptional_justification = models.TextField(blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    facilitator_experienced = models.BooleanField(default=False)
    stage = models.CharField(max_length=16, choices=Stage.choices, default=Stage.REFERRED)
    referred_at = models.DateTimeField()
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # the facilitator's risk assessment and suitability decision (reference.md §6)
    assessed_at = models.DateTimeField(null=True, blank=True)
    suitability_note = models.TextField(blank=True)
    preparation_at = models.DateTimeField(null=True, blank=True)
    held_on = models.DateField(null=True, blank=True)
    follow_up_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)  # closed, withdrawn or unsuitable
    end_reason = models.TextField(blank=True)  # why withdrawn or unsuitable
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True)
    victim_view = models.CharField(max_length=20, choices=VictimView.choices, blank=True)
    outcome_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-referred_at"]
        indexes = [models.Index(fields=["stage"], name="restorative_stage")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(offender_admitted=True),
                name="restorative_offender_admitted",
            ),
            models.CheckConstraint(
                condition=models.Q(sensitive_offence="none")
                | (
                    ~models.Q(exceptional_justification="") & models.Q(facilitator_experienced=True)
                ),
                name="restorative_exceptional_justified",
            ),
        ]

    def __str__(self) -> str:
        return f"Restorative justice: {self.get_contact_type_display()}"

    @property
    def is_ended(self) -> bool:
        return self.stage in ENDED

    @property
    def is_exceptional(self) -> bool:
        return self.sensitive_offence != SensitiveOffence.NONE
