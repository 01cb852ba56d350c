"""Exit interview and needs reassessment (the onward referral: forms/onward_referrals.py): when (not in the future, not before
the case opened) and what, with GOV.UK errors on the fields."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, cast

from django.utils import timezone

from haven.casework.forms.needs_areas import add_area_fields
from haven.casework.services import opened_minute
from haven.casework.services.exit_steps import INTERVIEW_METHODS, SUMMARY_MAX_LENGTH
from haven.contracts.profiles.sections import NeedsAreaSpec
from haven.govuk.forms import (
    GovukDateTimeField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.govuk.forms.date_parts import format_date, part_error

WHEN_HINT = "For example, 27 3 2026 14 30"


class ExitStepForm(GovukForm):
    """A form with one `when` field (named by `moment_field`) that cannot be before the case
    opened: the date check gives the GOV.UK "same as or after" error, this catches an earlier
    time on the day the case opened (to the minute, as the boxes are)."""

    moment_field: ClassVar[str]
    moment_label: ClassVar[str]
    opened_what: ClassVar[str] = "when the case opened"

    def __init__(self, *args: Any, opened_at: datetime, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault(self.moment_field, timezone.now())
        super().__init__(*args, **kwargs)
        self.opened_at = opened_at
        field = cast(GovukDateTimeField, self.fields[self.moment_field])
        field.earliest = timezone.localdate(opened_at)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        moment = cast(datetime | None, cleaned.get(self.moment_field))
        if moment is not None and moment < opened_minute(self.opened_at):
            opened = timezone.localtime(self.opened_at)
            field = cast(GovukDateTimeField, self.fields[self.moment_field])
            self.add_error(
                self.moment_field,
                part_error(
                    f"{self.moment_label} must be the same as or after {opened:%H:%M} on "
                    f"{format_date(opened.date())}, {self.opened_what}",
                    "earliest",
                    field.parts,
                ),
            )
        return cleaned


class ExitInterviewForm(ExitStepForm):
    moment_field = "held_at"
    moment_label = "Date and time of the exit interview"

    held_at = GovukDateTimeField(
        label="When was the exit interview (or when did the survivor decline it)?",
        when="past",
        error_label="date and time of the exit interview",
        hint=WHEN_HINT,
    )
    method = GovukRadiosField(
        label="How did it happen?",
        choices=list(INTERVIEW_METHODS.items()),
        error_messages={"required": "Select how the exit interview happened"},
    )
    summary = GovukTextareaField(
        label="Summary (optional)",
        required=False,
        rows=4,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="summary",
        hint="What the survivor said about the support and what happens next",
    )


class NeedsReassessmentForm(ExitStepForm):
    moment_field = "assessed_at"
    moment_label = "Date and time of the reassessment"

    assessed_at = GovukDateTimeField(
        label="When were the survivor’s needs reassessed?",
        when="past",
        error_label="date and time of the reassessment",
        hint=WHEN_HINT,
    )
    summary = GovukTextareaField(
        label="Which needs remain?",
        rows=5,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="the needs that remain",
        error_messages={"required": "Enter a summary of the needs that remain"},
        hint="A short summary, for example what has improved and what support is still needed",
    )

    def __init__(self, *args: Any, areas: list[NeedsAreaSpec] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas or []
        add_area_fields(self, self.areas)
