"""Support sessions: each piece of support delivered on a case, with its mode, length, who
delivered it, who it was with and what it covered (seed 001 s8 support hours and court sessions; seed 002 s7
support modes and Victim Personal Statements; seed 003 s13 legal proceedings supported).

What a session covered is held in fields (not JSON) because returns count them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel

DURATION_MIN_MINUTES = 1
DURATION_MAX_MINUTES = 720  # twelve hours: a whole day at court


class SessionMode(models.TextChoices):
    TELEPHONE = "telephone", "Telephone"
    FACE_TO_FACE = "face_to_face", "Face to face"
    VIDEO = "video", "Video call"
    WEB_CHAT = "web_chat", "Web chat"
    GROUP = "group", "Group session"
    COURT = "court", "At court"


class SessionWith(models.TextChoices):
    """Who the session was with (seed 001 Lot 1: the Family Service supports children and young
    people and their parents and carers, who are household members of the child, not cases)."""

    SURVIVOR = "survivor", "The survivor (the person the case is about)"
    PARENT_CARER = "parent_carer", "A parent or carer"
    CHILD = "child", "A child or young person in the family"


# What a session covered: field name and the label staff read (one boolean field each).
COVERED = {
    "court_session": "Court session attended",
    "specialist_dv_court": "At a specialist domestic abuse court (SDVC)",
    "vps_enabled": "Victim Personal Statement enabled",
    "legal_proceedings_supported": "Legal proceedings supported",
    "safety_planning": "Safety planning",
    "emotional_support": "Emotional support",
    "practical_support": "Practical support",
}


class SupportSession(HavenModel):
    """One piece of support delivered to the survivor of a case."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="support_sessions"
    )
    delivered_at = models.DateTimeField()
    mode = models.CharField(max_length=12, choices=SessionMode.choices)
    duration_minutes = models.PositiveSmallIntegerField()
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    session_with = models.CharField(
        max_length=12, choices=SessionWith.choices, default=SessionWith.SURVIVOR
    )
    # what was covered (COVERED)
    court_session = models.BooleanField(default=False)
    specialist_dv_court = models.BooleanField(default=False)
    vps_enabled = models.BooleanField(default=False)
    legal_proceedings_supported = models.BooleanField(default=False)
    safety_planning = models.BooleanField(default=False)
    emotional_support = models.BooleanField(default=False)
    practical_support = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["-delivered_at"]
        indexes = [
            models.Index(fields=["case", "delivered_at"], name="support_session_case_at"),
            models.Index(fields=["delivered_at"], name="support_session_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    duration_minutes__gte=DURATION_MIN_MINUTES,
                    duration_minutes__lte=DURATION_MAX_MINUTES,
                ),
                name="support_session_duration_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(specialist_dv_court=False) | models.Q(court_session=True),
                name="support_session_sdvc_is_a_court_session",
            ),
            models.CheckConstraint(
                condition=~models.Q(mode=SessionMode.COURT) | models.Q(court_session=True),
                name="support_session_at_court_is_a_court_session",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_mode_display()} support session"

    def covered_labels(self) -> list[str]:
        return [label for name, label in COVERED.items() if getattr(self, name)]
