"""Record a contact attempt; an unsafe channel needs an override with a reason."""

from __future__ import annotations

from typing import Any

from haven.casework.models import Channel, Direction, Outcome
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateTimeField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.validators import NOTE_MAX_LENGTH, REASON_MAX_LENGTH

# Which outcomes make sense for which channel.
OUTCOMES_FOR_CHANNEL = {
    "phone": {"reached", "no_answer", "voicemail_left"},
    "sms": {"sms_sent", "reached"},
    "email": {"email_sent", "reached"},
    "letter": {"letter_sent"},
    "visit": {"visit_done", "visit_no_answer"},
}


class ContactAttemptForm(GovukForm):
    channel = GovukRadiosField(
        label="How did you try to make contact?",
        choices=Channel.choices,
        error_messages={"required": "Select how you tried to make contact"},
    )
    direction = GovukRadiosField(
        label="Who made contact?",
        choices=Direction.choices,
        initial=Direction.OUTBOUND,
        inline=True,
        error_messages={"required": "Select who made contact"},
    )
    outcome = GovukRadiosField(
        label="What happened?",
        choices=Outcome.choices,
        error_messages={"required": "Select what happened"},
    )
    attempted_at = GovukDateTimeField(
        label="When was it?",
        when="today_or_past",
        error_label="date and time of the attempt",
        hint="For example, 27 3 2026 14 30",
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        error_label="notes",
        required=False,
        rows=4,
        max_length=NOTE_MAX_LENGTH,
    )
    override = GovukCheckboxesField(
        label="Safe-contact warning",
        required=False,
        choices=[("yes", "I have checked it is safe to use this channel now")],
    )
    override_reason = GovukTextareaField(
        label="Why is it safe to use this channel?",
        required=False,
        rows=3,
        hint="Only if the safe-contact check blocked this channel. Your reason is audited.",
        error_label="the reason it is safe",
        max_length=REASON_MAX_LENGTH,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        channel, outcome = cleaned.get("channel"), cleaned.get("outcome")
        if channel and outcome and outcome not in OUTCOMES_FOR_CHANNEL.get(channel, set()):
            self.add_error(
                "outcome", f"Select an outcome that fits a {Channel(channel).label.lower()}"
            )
        if cleaned.get("override") and not (cleaned.get("override_reason") or "").strip():
            self.add_error("override_reason", "Enter why it is safe to use this channel now")
        return cleaned

    def override_reason_value(self) -> str:
        if not self.cleaned_data.get("override"):
            return ""
        return str(self.cleaned_data.get("override_reason") or "")
