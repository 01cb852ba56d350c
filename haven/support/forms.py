"""Record a support session: when (not in the future, not before the case opened), how, how
long and what it covered, with GOV.UK errors on the fields."""

from __future__ import annotations

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateTimeField,
    GovukIntegerField,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.support.models import (
    COVERED,
    DURATION_MAX_MINUTES,
    DURATION_MIN_MINUTES,
    SessionMode,
)
from haven.support.services import NOTES_MAX_LENGTH


class SupportSessionForm(ExitStepForm):
    moment_field = "delivered_at"
    moment_label = "Date and time of the session"

    delivered_at = GovukDateTimeField(
        label="When was the support given?",
        when="past",
        error_label="date and time of the session",
        hint=WHEN_HINT,
    )
    mode = GovukRadiosField(
        label="How was the support given?",
        choices=SessionMode.choices,
        error_messages={"required": "Select how the support was given"},
    )
    duration_minutes = GovukIntegerField(
        label="How long was the session, in minutes?",
        min_value=DURATION_MIN_MINUTES,
        max_value=DURATION_MAX_MINUTES,
        error_label="length of the session",
        hint="For example, 45. A whole day at court is up to 720 minutes",
        classes="govuk-input--width-4",
    )
    covered = GovukCheckboxesField(
        label="What did the session cover? (optional)",
        required=False,
        choices=list(COVERED.items()),
        hint="Select all that apply. A session at court is counted as a court session",
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=4,
        max_length=NOTES_MAX_LENGTH,
        error_label="the notes",
    )
