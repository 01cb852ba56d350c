"""Record a support session: when (not in the future, not before the case opened), how, how
long and what it covered, with GOV.UK errors on the fields."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from haven.accounts.models import User
from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateTimeField,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
)
from haven.support.models import (
    COVERED,
    DURATION_MAX_MINUTES,
    DURATION_MIN_MINUTES,
    SessionMode,
    SessionWith,
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
    session_with = GovukRadiosField(
        label="Who was the session with?",
        choices=SessionWith.choices,
        initial=SessionWith.SURVIVOR,
        required=False,  # the survivor unless another is chosen
    )
    duration_minutes = GovukIntegerField(
        label="How long was the session, in minutes?",
        min_value=DURATION_MIN_MINUTES,
        max_value=DURATION_MAX_MINUTES,
        error_label="length of the session",
        hint="For example, 45. A whole day at court is up to 720 minutes",
        classes="govuk-input--width-4",
    )
    delivered_by = GovukSelectField(
        label="Who gave the support?",
        choices=[],
        required=False,  # the signed-in user unless another is chosen
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

    def __init__(
        self, *args: Any, opened_at: datetime, staff: list[User], signed_in: User, **kwargs: Any
    ) -> None:
        """`staff`: who may have given the support (the case's provider's staff); the signed-in
        user is offered first and chosen unless another is."""
        kwargs.setdefault("initial", {}).setdefault("delivered_by", str(signed_in.pk))
        super().__init__(*args, opened_at=opened_at, **kwargs)
        self.signed_in = signed_in
        people = [signed_in, *(u for u in staff if u.pk != signed_in.pk)]
        self.staff = {str(u.pk): u for u in people}
        self.fields["delivered_by"].choices = [  # type: ignore[attr-defined]
            (pk, f"{u.get_full_name() or u.email}{' (you)' if u.pk == signed_in.pk else ''}")
            for pk, u in self.staff.items()
        ]

    def clean_delivered_by(self) -> User:
        return self.staff.get(self.cleaned_data["delivered_by"], self.signed_in)

    def clean_session_with(self) -> str:
        return str(self.cleaned_data["session_with"] or SessionWith.SURVIVOR)
