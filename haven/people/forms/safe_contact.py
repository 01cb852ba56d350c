"""Safe-contact preferences: safe number, safe times, which channels are safe (reference §5.1)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.people.choices import HarmerAtAddress, Letters
from haven.people.forms.fields import yes_no_field
from haven.people.models import SafeContact
from haven.people.safe_contact import DAY_NAMES
from haven.people.services import SAFE_CONTACT_FIELDS, SafeContactDetails

TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def _parse_time(text: str, subject: str) -> dt.time:
    match = TIME.match(text.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(f"{subject} must be a real time in the 24-hour clock, like 09:30")
    return dt.time(int(match[1]), int(match[2]))


WINDOWS = ("", "_2")  # two safe time spans, e.g. weekday mornings and Saturday afternoons


def _days_field() -> GovukCheckboxesField:
    return GovukCheckboxesField(
        label="Days",
        error_label="the days when it is safe to call",
        choices=[(str(day), name) for day, name in enumerate(DAY_NAMES)],
        required=False,
        small=True,
    )


def _time_field(label: str, hint: str) -> GovukTextField:
    return GovukTextField(
        label=label, hint=hint, required=False, classes="govuk-input--width-5", max_length=5
    )


class SafeContactForm(GovukForm):
    safe_phone = GovukTextField(
        label="Safe phone number",
        hint="Leave blank if there is none. Calls and texts are blocked until one is recorded.",
        required=False,
        max_length=30,
        classes="govuk-input--width-20",
        autocomplete="off",
        inputmode="tel",
    )
    safe_days = _days_field()
    safe_from = _time_field("Safe from", "Use the 24-hour clock, for example 09:30")
    safe_until = _time_field("Safe until", "For example 17:00")
    safe_days_2 = _days_field()
    safe_from_2 = _time_field("Safe from", "For example 18:30")
    safe_until_2 = _time_field("Safe until", "For example 20:00")
    voicemail_allowed = yes_no_field(
        "Is it safe to leave a voicemail message?",
        error_label="whether it is safe to leave a voicemail",
    )
    texts_allowed = yes_no_field(
        "Is it safe to send text messages?", error_label="whether it is safe to send text messages"
    )
    email_safe = yes_no_field(
        "Is it safe to email them?", error_label="whether it is safe to email them"
    )
    letters = GovukRadiosField(
        label="Is it safe to send letters?",
        error_label="whether it is safe to send letters",
        choices=Letters.choices,
    )
    safe_address = GovukTextareaField(
        label="Safe address for letters (optional)",
        error_label="safe address",
        hint="For example a friend's or a relative's address",
        rows=3,
        required=False,
        max_length=500,
    )
    harmer_at_address = GovukRadiosField(
        label="Does the person causing harm live at their address?",
        error_label="whether the person causing harm lives at their address",
        hint="Home visits are blocked unless you know they do not",
        choices=HarmerAtAddress.choices,
    )
    code_word = GovukTextField(
        label="Code word (optional)",
        error_label="code word",
        hint="A word to check you are speaking to the right person",
        required=False,
        max_length=100,
        autocomplete="off",
        spellcheck=False,
        classes="govuk-input--width-20",
    )
    notes = GovukTextareaField(
        label="Anything else about contacting them safely (optional)",
        error_label="notes",
        hint="For example who it is safe to talk to",
        required=False,
        max_length=2000,
    )

    @classmethod
    def initial_from(cls, safe_contact: SafeContact) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(safe_contact, name)
            for name in cls.base_fields
            if hasattr(safe_contact, name)
        }
        for suffix, window in zip(WINDOWS, safe_contact.windows(), strict=False):
            initial[f"safe_days{suffix}"] = [str(day) for day in window.days]
            initial[f"safe_from{suffix}"] = f"{window.start:%H:%M}"
            initial[f"safe_until{suffix}"] = f"{window.end:%H:%M}"
        return initial

    def _time(self, name: str, subject: str, missing: str) -> dt.time | None:
        text = self.cleaned_data.get(name) or ""
        if not text:
            self.add_error(name, missing)
            return None
        try:
            return _parse_time(text, subject)
        except ValidationError as error:
            self.add_error(name, error)
            return None

    def _window(self, suffix: str) -> dict[str, Any] | None:
        """One safe time span from its days, from and until boxes; errors go on the boxes."""
        days = self.cleaned_data.get(f"safe_days{suffix}")
        if not (
            days
            or self.cleaned_data.get(f"safe_from{suffix}")
            or self.cleaned_data.get(f"safe_until{suffix}")
        ):
            return None
        if not days:
            self.add_error(f"safe_days{suffix}", "Select the days when it is safe to call")
        start = self._time(
            f"safe_from{suffix}", "Safe from", "Enter the time from which it is safe to call"
        )
        end = self._time(
            f"safe_until{suffix}", "Safe until", "Enter the time until which it is safe to call"
        )
        if start and end and end <= start:
            self.add_error(f"safe_until{suffix}", "Safe until must be later than safe from")
            return None
        if not (days and start and end):
            return None
        return {
            "days": sorted(int(d) for d in days),
            "start": f"{start:%H:%M}",
            "end": f"{end:%H:%M}",
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        windows = [self._window(suffix) for suffix in WINDOWS]
        cleaned["safe_times"] = [window for window in windows if window]
        return cleaned

    def preferences(self) -> SafeContactDetails:
        preferences: SafeContactDetails = {}
        for name in SAFE_CONTACT_FIELDS:
            preferences[name] = self.cleaned_data[name]  # type: ignore[literal-required]
        return preferences
