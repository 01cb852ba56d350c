"""The web chat's forms, with GOV.UK errors on the fields."""

from __future__ import annotations

from haven.govuk.forms import GovukForm, GovukRadiosField, GovukTextareaField, GovukTextField
from haven.webchat.models import MESSAGE_MAX_LENGTH

YES_NO = [("yes", "Yes"), ("no", "No")]


class CodeForm(GovukForm):
    code = GovukTextField(
        label="Your chat code",
        hint="The code you were given when you booked the chat, for example 7KQ2M-XW9PD",
        max_length=40,
        error_messages={"required": "Enter the code from your booking"},
    )


class ConsentForm(GovukForm):
    consent = GovukRadiosField(
        label="Can we keep a copy of this chat on your record?",
        hint="If you say no, we keep only the date and time of the chat, not what was said.",
        choices=YES_NO,
        error_messages={"required": "Select yes if we can keep a copy of this chat"},
    )


class MessageForm(GovukForm):
    body = GovukTextareaField(
        label="Your message",
        max_length=MESSAGE_MAX_LENGTH,
        rows=3,
        error_messages={
            "required": "Enter a message",
            "max_length": f"A message must be {MESSAGE_MAX_LENGTH:,} characters or less",
        },
    )
