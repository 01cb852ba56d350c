"""How cases end: exit reasons, why a person could not be contacted, re-engagement attempts and
exclusions with their appeals. Services write them (`services/exits.py`, `services/exclusions.py`);
returns read these fields.

Imported by `casework.models`, so they are `casework` models like the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel


class ExitReason(models.TextChoices):
    """Why a case ended, grouped by exit type (PLANNED_REASONS, UNPLANNED_REASONS)."""

    # seed 004 s1: a planned exit is "a scheduled departure from service with a completed exit
    # interview"; seed 004 s6.10: "a structured review identifies that a different service or no
    # further service is required"; seed 003 s5: planned, gradual withdrawal of support
    SUPPORT_GOALS_MET = "support_goals_met", "Support plan goals met"
    MOVED_TO_OTHER_SUPPORT = "moved_to_other_support", "Moved on to other, more suitable support"
    SETTLED_ACCOMMODATION = "settled_accommodation", "Moved to settled accommodation"
    NO_FURTHER_SUPPORT_NEEDED = "no_further_support", "A review found no further support is needed"
    OTHER_PLANNED = "other_planned", "Another planned ending (say which in the reason)"
    # seed 003 s6 and seed 004 s6.10: disengaged after every effort to re-engage; seed 002
    # s3.7: not contactable; seed 003 s8: excluded
    DISENGAGED = "disengaged", "Disengaged after attempts to re-engage"
    NOT_CONTACTABLE = "not_contactable", "Not contactable"
    DECLINED_SUPPORT = "declined_support", "Declined further support"
    MOVED_OUT_OF_AREA = "moved_out_of_area", "Moved out of the area"
    RETURNED_TO_HARM = "returned_to_harm", "Returned to the person causing harm"
    EXCLUDED = "excluded", "Excluded (see the exclusion record)"
    DIED = "died", "Died"
    OTHER_UNPLANNED = "other_unplanned", "Another unplanned ending (say which in the reason)"


PLANNED_REASONS = (
    ExitReason.SUPPORT_GOALS_MET,
    ExitReason.MOVED_TO_OTHER_SUPPORT,
    ExitReason.SETTLED_ACCOMMODATION,
    ExitReason.NO_FURTHER_SUPPORT_NEEDED,
    ExitReason.OTHER_PLANNED,
)
UNPLANNED_REASONS = tuple(r for r in ExitReason if r not in PLANNED_REASONS)
REASONS_BY_EXIT_TYPE = {"planned": PLANNED_REASONS, "unplanned": UNPLANNED_REASONS}


class NotContactableReason(models.TextChoices):
    """seed 002 s7 "reasons why not able to be contacted" (contact rules of s3.7)."""

    NO_ANSWER = "no_answer", "No answer to any attempt (calls, letters, texts or visits)"
    WRONG_DETAILS = "wrong_details", "Contact details wrong or no longer in use"
    NO_DETAILS = "no_details", "No usable contact details in the referral"
    NOT_SAFE = "not_safe", "No safe way to make contact (safe-contact preferences)"
    MOVED_AWAY = "moved_away", "Moved away with no forwarding details"
    OTHER = "other", "Another reason (say which in the reason)"


class ReengagementMethod(models.TextChoices):
    PHONE = "phone", "Phone call"
    TEXT_OR_EMAIL = "text_or_email", "Text message or email"
    LETTER = "letter", "Letter to a safe address"
    VISIT = "visit", "Visit or meeting"
    THROUGH_AGENCY = "through_agency", "Through another agency"
    OTHER = "other", "Another way"


class AppealNoticeMethod(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    PHONE = "phone", "By phone"
    LETTER = "letter", "By letter to a safe address"
    EMAIL = "email", "By email"


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", "Exclusion upheld"
    OVERTURNED = "overturned", "Exclusion overturned"


def _staff(related_name: str = "+") -> models.ForeignKey:  # type: ignore[type-arg]
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name=related_name
    )


class ReengagementAttempt(HavenModel):
    """One attempt to re-engage a person (seed 003 s8: the auditable record of re-engagement)."""

    case = models.ForeignKey(
        "casework.Case", on_delete=models.CASCADE, related_name="reengagement_attempts"
    )
    attempted_at = models.DateTimeField()
    method = models.CharField(max_length=20, choices=ReengagementMethod.choices)
    what = models.TextField()
    recorded_by = _staff()

    class Meta:
        ordering = ["-attempted_at", "-created_at"]


class Exclusion(HavenModel):
    """An exclusion decided by a manager, with the criteria it meets, the reason and when and how
    the person was told of their right of appeal (seed 003 s8; seed 004 s6.10); then the appeal."""

    case = models.OneToOneField("casework.Case", on_delete=models.CASCADE, related_name="exclusion")
    decided_at = models.DateTimeField()
    decided_by = _staff()
    criteria = models.JSONField(default=list, help_text="keys of the profile's exclusion criteria")
    reason = models.TextField()
    appeal_notice_at = models.DateTimeField()
    appeal_notice_method = models.CharField(max_length=12, choices=AppealNoticeMethod.choices)
    appeal_lodged_at = models.DateTimeField(null=True, blank=True)
    appeal_lodged_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_heard_at = models.DateTimeField(null=True, blank=True)
    appeal_outcome = models.CharField(max_length=12, choices=AppealOutcome.choices, blank=True)
    appeal_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    appeal_reason = models.TextField(blank=True)
