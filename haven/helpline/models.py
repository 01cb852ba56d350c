"""The helpline and single point of contact (issue 16 item 4): a call log, call-backs and the
call-takers' rota.

- seed 003 s6.1 (Wokingham): a single point of contact with a telephone helpline, an
  out-of-hours emergency line, and "all enquiries must be responded to within 2 working days".
- seed 001 Lot 3 (Leicester victim-survivor): a freephone helpline, call backs, telephone
  support and counselling hours, "out of hours" (not 9am-5pm) interventions.
- seed 002 s3.11 (Victim First): one call/web-chat taker at all times in opening hours.

A call keeps no record of a person unless the caller agrees (`consent_to_record`): only then is
it linked to a case. Everything a measure counts is a field (never JSON).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.encrypted_fields import EncryptedTextField
from haven.core.models import HavenModel


class Direction(models.TextChoices):
    IN = "in", "Incoming"
    OUT = "out", "Outgoing"


class CallerType(models.TextChoices):
    VICTIM = "victim", "Victim or survivor"
    THIRD_PARTY = "third_party", "Family, friend or other third party"
    PROFESSIONAL = "professional", "Professional"
    PERPETRATOR = "perpetrator", "Perpetrator or person worried about their behaviour"
    OTHER = "other", "Other"


class CallKind(models.TextChoices):
    SUPPORT = "support", "Helpline support or advice"
    # seed 001 Lot 3 s8: "Number of telephone counselling hours delivered"
    COUNSELLING = "counselling", "Telephone counselling"


# The outcomes a call may have (several at once): the field on HelplineCall and its label.
OUTCOMES = {
    "information": "Information given",
    "safety_advice": "Safety advice",
    "referral_made": "Referral made",
    "call_back_booked": "Call-back booked",
    "signposted": "Signposted to another service",
}


class HelplineCall(HavenModel):
    """One call to or from the helpline. An incoming call not answered live (a voicemail or a
    missed call) is an enquiry answered later by its call-back."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="helpline_calls"
    )
    started_at = models.DateTimeField(db_index=True)
    direction = models.CharField(max_length=3, choices=Direction.choices, default=Direction.IN)
    # outside the service's opening hours (the profile's; without them, not 9am-5pm): kept when
    # the call is logged, so a later change of hours does not move old calls
    out_of_hours = models.BooleanField(default=False)
    caller_type = models.CharField(max_length=16, choices=CallerType.choices)
    kind = models.CharField(max_length=12, choices=CallKind.choices, default=CallKind.SUPPORT)
    duration_minutes = models.PositiveIntegerField(default=0)
    information = models.BooleanField(default=False)
    safety_advice = models.BooleanField(default=False)
    referral_made = models.BooleanField(default=False)
    call_back_booked = models.BooleanField(default=False)
    signposted = models.BooleanField(default=False)
    # seed 003 s6.1: answered within 2 working days. A live call is answered as it starts.
    answered_live = models.BooleanField(default=True)
    answer_due_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    # reference.md s5: no record of a person unless the caller agrees
    consent_to_record = models.BooleanField(default=False)
    case = models.ForeignKey(
        "casework.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="helpline_calls",
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # the referral the "Referral made" outcome led to, made on the referral form reached from
    # the call (views.call_referral): the link is kept here so the referrals app is unchanged
    referral = models.OneToOneField(
        "referrals.Referral",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["contract", "started_at"], name="helpline_call_when")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=True) | models.Q(consent_to_record=True),
                name="helpline_call_case_only_with_consent",
            ),
            models.CheckConstraint(
                condition=models.Q(answered_live=True) | models.Q(call_back_booked=True),
                name="helpline_call_unanswered_has_call_back",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} call"

    @property
    def outcome_labels(self) -> list[str]:
        return [label for name, label in OUTCOMES.items() if getattr(self, name)]


class CallBackStatus(models.TextChoices):
    DUE = "due", "Due"
    DONE = "done", "Done"
    MISSED = "missed", "Missed"  # not made, or the caller not reached
    CANCELLED = "cancelled", "Cancelled"


class LeaveMessage(models.TextChoices):
    YES = "yes", "Yes, a message may be left"
    NO = "no", "No, never leave a message"
    NOT_ASKED = "not_asked", "Not asked"


class CallBack(HavenModel):
    """A call-back the caller asked for: a task with its due time on the call-taker's and their
    team's list. The number and the safe-contact note (reference.md s5) are kept here, encrypted,
    and never put in URLs or logs."""

    call = models.ForeignKey(HelplineCall, on_delete=models.CASCADE, related_name="call_backs")
    due_at = models.DateTimeField(db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="helpline_call_backs",
    )
    team = models.ForeignKey(
        "accounts.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    phone = EncryptedTextField()
    may_leave_message = models.CharField(
        max_length=10, choices=LeaveMessage.choices, default=LeaveMessage.NOT_ASKED
    )
    safe_times = EncryptedTextField(blank=True)
    safe_contact_note = EncryptedTextField(blank=True)
    status = models.CharField(
        max_length=10, choices=CallBackStatus.choices, default=CallBackStatus.DUE
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_at"]
        indexes = [models.Index(fields=["status", "due_at"], name="helpline_callback_due")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="due", closed_at__isnull=True)
                | (~models.Q(status="due") & models.Q(closed_at__isnull=False)),
                name="helpline_callback_closed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return "Call-back"


class Shift(HavenModel):
    """A call-taker's shift on the helpline rota (seed 002 s3.11: cover in opening hours)."""

    contract = models.ForeignKey(
        "contracts.Contract", on_delete=models.PROTECT, related_name="helpline_shifts"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="helpline_shifts"
    )
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["contract", "starts_at"], name="helpline_shift_when")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="helpline_shift_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return "Shift"
