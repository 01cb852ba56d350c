"""Outcome assessments: one instrument's questions asked at a case's intake, a review or its exit,
and the survivor's answers (or that they declined), so distance travelled can be reported.

The answers are rows with fields, not JSON, because returns count them. Each answer keeps the
question's domain and the scale's direction as they were when it was asked, so a later edit of
the instrument file does not change old figures.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class OutcomeStage(models.TextChoices):
    INTAKE = "intake", "Intake"
    REVIEW = "review", "Review"
    EXIT = "exit", "Exit"


# Stages a case has at most one of, per instrument (a review can be repeated).
ONCE_PER_CASE = (OutcomeStage.INTAKE, OutcomeStage.EXIT)


class OutcomeAssessment(HavenModel):
    """One instrument asked once on a case: answered by the survivor, or declined."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="outcome_assessments"
    )
    instrument = models.CharField(max_length=64)  # an instrument file's key
    stage = models.CharField(max_length=8, choices=OutcomeStage.choices)
    asked_at = models.DateTimeField()
    declined = models.BooleanField(default=False)  # the survivor chose not to answer
    # seed 001 Lot 3 s8: exit forms are counted as criminal justice or standard
    exit_form_type = models.CharField(max_length=32, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-asked_at"]
        indexes = [
            models.Index(fields=["case", "asked_at"], name="outcome_assessment_case_at"),
            models.Index(fields=["asked_at"], name="outcome_assessment_at"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "instrument", "stage"],
                condition=models.Q(stage__in=["intake", "exit"]),
                name="outcome_assessment_one_intake_and_exit",
            ),
            models.CheckConstraint(
                condition=models.Q(exit_form_type="") | models.Q(stage="exit"),
                name="outcome_assessment_form_type_only_at_exit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} outcome assessment"


class OutcomeAnswer(models.Model):
    """One question's score in one assessment."""

    assessment = models.ForeignKey(
        OutcomeAssessment, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.CharField(max_length=64)
    domain = models.CharField(max_length=64)
    score = models.SmallIntegerField()
    higher_is_better = models.BooleanField(default=True)

    class Meta:
        ordering = ["assessment", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question"], name="outcome_answer_one_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.score}"
