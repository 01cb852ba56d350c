"""Forms of the sign-off pages: sign off (exceptions and remedial plan), due date."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import GovukDateField, GovukForm, GovukIntegerField, GovukTextareaField
from haven.govuk.forms.text_input import GovukTextField
from haven.validators import NOTE_MAX_LENGTH, REASON_MAX_LENGTH

MAX_EXCEPTIONS = 1_000_000


class SignOffForm(GovukForm):
    exceptions = GovukIntegerField(
        label="Data quality exceptions that remain",
        hint="Records missing a field the return needs, or with implausible values. Enter 0 "
        "if there are none.",
        min_value=0,
        max_value=MAX_EXCEPTIONS,
        classes="govuk-input--width-5",
        error_label="the number of exceptions",
    )
    remedial_plan = GovukTextareaField(
        label="Remedial plan",
        hint="Needed while exceptions remain: what will be put right, by whom and by when.",
        required=False,
        rows=6,
        max_length=NOTE_MAX_LENGTH,
        threshold=90,
        error_label="the remedial plan",
    )

    def __init__(self, *args: Any, exceptions: int | None = None, **kwargs: Any) -> None:
        """`exceptions`: the count Haven worked out itself; the field is then not asked."""
        super().__init__(*args, **kwargs)
        self.known_exceptions = exceptions
        if exceptions is not None:
            del self.fields["exceptions"]

    def exception_count(self) -> int:
        if self.known_exceptions is not None:
            return self.known_exceptions
        return int(self.cleaned_data["exceptions"])


class DueDateForm(GovukForm):
    due_on = GovukDateField(label="Due date", error_label="the due date")
    reason = GovukTextField(
        label="Why this date",
        hint="For example: one week before the contract review meeting on 14 January.",
        required=False,
        max_length=REASON_MAX_LENGTH,
        error_label="the reason",
    )
