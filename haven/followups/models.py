"""Follow-ups and surveys: the contact made for one follow-up task, the satisfaction and outcome
survey (answers as rows, because returns count them), and the DV 360 hand-off of a victim to the
Leicestershire Police survey team (seed 000 s5, s6).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class SurveyOccasion(models.TextChoices):
    FOLLOW_UP = "follow_up", "Follow-up after support ended"
    END_OF_VISIT = "end_of_visit", "End of the visit"
    EXIT = "exit", "Exit from the service"
    SURVEY_TEAM = "survey_team", "Police survey team's results"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SURE = "not_sure", "Not sure, or would rather not say"


class FollowUpContact(HavenModel):
    """A contact attempt made for one follow-up task (a closed case's 1-, 6- or 12-month duty):
    it touches that task only."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="follow_up_contacts"
    )
    task = models.ForeignKey(
        "casework.Task", on_delete=models.CASCADE, related_name="follow_up_contacts"
    )
    attempt = models.OneToOneField(
        "casework.ContactAttempt", on_delete=models.CASCADE, related_name="follow_up"
    )
    reached = models.BooleanField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return "Follow-up contact"


class Survey(HavenModel):
    """One satisfaction and outcome survey: asked (answers in SurveyAnswer) or declined."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="surveys")
    occasion = models.CharField(max_length=16, choices=SurveyOccasion.choices)
    follow_up = models.OneToOneField(
        FollowUpContact, null=True, blank=True, on_delete=models.CASCADE, related_name="survey"
    )
    # the follow-up rule the survey answers (follow_up_1_month ...), "" on other occasions
    schedule_key = models.CharField(max_length=80, blank=True)
    asked_at = models.DateTimeField()
    declined = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-asked_at"]
        indexes = [models.Index(fields=["case", "asked_at"], name="survey_case_at")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(follow_up__isnull=True)
                | models.Q(occasion=SurveyOccasion.FOLLOW_UP),
                name="survey_follow_up_only_on_a_follow_up",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} survey"


class SurveyAnswer(HavenModel):
    """One question's answer (the question's key from followups/surveys.yaml)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="answers")
    question = models.CharField(max_length=40)
    answer = models.CharField(max_length=10, choices=Answer.choices)

    class Meta:
        ordering = ["survey", "question"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "question"], name="survey_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.answer}"


class SurveyTeamHandOff(HavenModel):
    """A victim passed to the police survey team for one follow-up (seed 000 s5: surveyed at 1
    and 12 months by the Leicestershire Police Service Improvement team)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="survey_team_hand_offs"
    )
    task = models.OneToOneField(
        "casework.Task", on_delete=models.CASCADE, related_name="survey_team_hand_off"
    )
    passed_at = models.DateTimeField()
    passed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-passed_at"]

    def __str__(self) -> str:
        return "Passed to the survey team"
