"""Record a contact attempt; an unsafe channel needs an override with a reason."""

from __future__ import annotations

from typing import Any

from haven.casework.first_contact import SUCCESS
from haven.casework.forms.waiting_list import add_waiting_fields
from haven.casework.models import CaseState, Channel, Direction, Outcome
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

    def __init__(self, *args: Any, next_states: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if next_states:
            # the profile asks (first_contact.on_success: ask) what a successful contact leads to
            self.fields["next_state"] = GovukRadiosField(
                label="If you spoke to the person: what happens next?",
                choices=[(state, CaseState(state).label) for state in next_states],
                required=False,
                hint="This contract asks you to say whether support starts now.",
            )
            if CaseState.WAITING_LIST in next_states:
                add_waiting_fields(self)  # seed 003 s13: why the person waits

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            "next_state" in self.fields
            and cleaned.get("outcome") in SUCCESS
            and not cleaned.get("next_state")
        ):
            self.add_error("next_state", "Select what happens next")
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
