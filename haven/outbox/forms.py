"""The send page's form: which message by which channel, and the date and time a template
needs (a home visit, a web chat)."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import GovukDateTimeField, GovukForm, GovukRadiosField
from haven.outbox.wording import Wording

CHANNEL_WORDS = {"letter": "letter", "email": "email", "sms": "text message"}
WHEN_HINT = "For example, 27 3 2026 14 30. Use the 24-hour clock."


def message_choices(wording: Wording) -> list[tuple[str, str]]:
    """One radio per template and channel, e.g. ("first_contact:email", "... by email")."""
    return [
        (f"{template.key}:{channel}", f"{template.label}, by {CHANNEL_WORDS[channel]}")
        for template in wording.templates
        for channel in ("letter", "email", "sms")
        if channel in template.channels
    ]


class MessageForm(GovukForm):
    message = GovukRadiosField(
        label="Which message?",
        choices=[],
        error_messages={"required": "Select a message", "invalid_choice": "Select a message"},
    )
    visit_at = GovukDateTimeField(
        label="Date and time of the home visit (appointment confirmation only)",
        hint=WHEN_HINT,
        required=False,
    )
    chat_at = GovukDateTimeField(
        label="Date and time of the web chat (web chat confirmation only)",
        hint=WHEN_HINT,
        required=False,
    )

    def __init__(self, *args: Any, wording: Wording, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["message"].choices = message_choices(wording)  # type: ignore[attr-defined]

    def chosen(self) -> tuple[str, str]:
        template_key, channel = self.cleaned_data["message"].split(":", 1)
        return template_key, channel

    def details(self) -> dict[str, Any]:
        return {
            key: self.cleaned_data[key]
            for key in ("visit_at", "chat_at")
            if self.cleaned_data.get(key) is not None
        }
