"""The 360-degree appraisal (seed 001 s14: "Questionnaire from contract officer to stakeholders,
including staff and service users, to ask about effectiveness and overall quality of the
service", every 18 months) and the service user feedback log ("you said, we did": the annual
service user accountability report's "actions arising").

Responses are anonymous: a response records its respondent group and how it came (paper or a
one-time link), never who gave it; a link's token is kept only as its SHA-256."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class RespondentGroup(models.TextChoices):
    STAKEHOLDER = "stakeholder", "Stakeholder (partner agency)"
    STAFF = "staff", "Staff"
    SERVICE_USER = "service_user", "Service user"


class Source(models.TextChoices):
    PAPER = "paper", "Entered from paper"
    LINK = "link", "Given through a link"


# A 5-point agree scale; "agreeing" is 4 or 5 (seed 001 s8: the share of respondents agreeing)
SCALE = (
    (5, "Strongly agree"),
    (4, "Agree"),
    (3, "Neither agree nor disagree"),
    (2, "Disagree"),
    (1, "Strongly disagree"),
)
AGREES = 4


class AppraisalRound(HavenModel):
    """One questionnaire of one contract, open from `opens_on` to `closes_on` (inclusive)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="appraisal_rounds"
    )
    title = models.CharField(max_length=200)
    opens_on = models.DateField()
    closes_on = models.DateField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-opens_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="appraisal_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return self.title


class AppraisalQuestion(HavenModel):
    """A statement respondents agree or disagree with, tagged with the measure it evidences."""

    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    statement = models.CharField(max_length=300)
    measure = models.CharField(max_length=80, blank=True)  # a profile measure id, or none

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="appraisal_question_order")
        ]

    def __str__(self) -> str:
        return self.statement


class AppraisalLink(HavenModel):
    """A one-time link for one respondent of a group: only the token's SHA-256 is kept."""

    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="links")
    group = models.CharField(max_length=16, choices=RespondentGroup.choices)
    token_sha256 = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Link for a {self.get_group_display().lower()}"


class AppraisalResponse(HavenModel):
    """One respondent's answers (anonymous: the group and the source only)."""

    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="responses")
    group = models.CharField(max_length=16, choices=RespondentGroup.choices)
    source = models.CharField(max_length=8, choices=Source.choices)
    submitted_at = models.DateTimeField()
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"Response from a {self.get_group_display().lower()}"


class AppraisalAnswer(HavenModel):
    response = models.ForeignKey(
        AppraisalResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(AppraisalQuestion, on_delete=models.CASCADE, related_name="+")
    score = models.PositiveSmallIntegerField(choices=SCALE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="appraisal_answer_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="appraisal_score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return str(self.score)


class FeedbackItem(HavenModel):
    """ "You said, we did": feedback from service users and what the service did about it
    (seed 001 s14, the service user accountability report)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="feedback_items"
    )
    received_on = models.DateField()
    you_said = models.TextField()
    we_did = models.TextField(blank=True)
    acted_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-received_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(acted_on__isnull=True) | ~models.Q(we_did=""),
                name="feedback_action_described",
            )
        ]

    def __str__(self) -> str:
        return f"Feedback received {self.received_on:%d %B %Y}"
