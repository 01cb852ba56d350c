"""Mark a deadline done: when (not in the future, not before the case opened) and a note."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from django.utils import timezone

from haven.casework.services import opened_minute
from haven.govuk.forms import GovukDateTimeField, GovukForm, GovukTextareaField
from haven.govuk.forms.date_parts import format_date, part_error

NOTE_MAX_LENGTH = 500


class TaskDoneForm(GovukForm):
    done_at = GovukDateTimeField(
        label="When was it done?",
        when="past",
        error_label="date and time it was done",
        hint="For example, 27 3 2026 14 30",
    )
    note = GovukTextareaField(
        label="Note (optional)",
        required=False,
        rows=3,
        max_length=NOTE_MAX_LENGTH,
        error_label="the note",
        hint="For example, where it was done or where the document is kept",
    )

    def __init__(self, *args: Any, opened_at: datetime, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.opened_at = opened_at
        cast(GovukDateTimeField, self.fields["done_at"]).earliest = timezone.localdate(opened_at)

    def clean_done_at(self) -> datetime | None:
        """The date check gives the GOV.UK "same as or after" error; this catches an earlier
        time on the day the case opened (to the minute, as the boxes are)."""
        done_at = cast(datetime | None, self.cleaned_data.get("done_at"))
        if done_at is not None and done_at < opened_minute(self.opened_at):
            opened = timezone.localtime(self.opened_at)
            field = cast(GovukDateTimeField, self.fields["done_at"])
            raise part_error(
                f"Date and time it was done must be the same as or after {opened:%H:%M} on "
                f"{format_date(opened.date())}, when the case opened",
                "earliest",
                field.parts,
            )
        return done_at
