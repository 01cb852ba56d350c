"""Record a legal proceeding, and its outcome, with GOV.UK errors on the fields."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.proceedings.models import CourtType, ProceedingKind, outcomes_for
from haven.proceedings.services import COURT_NAME_MAX_LENGTH, NOTES_MAX_LENGTH

DATE_HINT = "For example, 27 3 2026"
YES_NO = [("yes", "Yes"), ("no", "No")]


class ProceedingForm(GovukForm):
    kind = GovukRadiosField(
        label="What kind of proceeding is it?",
        choices=ProceedingKind.choices,
        error_messages={"required": "Select the kind of proceeding"},
    )
    court_type = GovukRadiosField(
        label="Which court?",
        choices=CourtType.choices,
        error_messages={"required": "Select the court"},
    )
    court_name = GovukTextField(
        label="Name of the court (optional)",
        required=False,
        max_length=COURT_NAME_MAX_LENGTH,
        error_label="name of the court",
        hint="For example, Leicester Magistrates' Court",
    )
    specialist_dv_court = GovukRadiosField(
        label="Is it heard at a specialist domestic abuse court (SDVC)?",
        choices=YES_NO,
        error_messages={"required": "Select yes if it is heard at a specialist court"},
    )
    started_on = GovukDateField(
        label="When did it start?",
        when="today_or_past",
        error_label="start date",
        hint=f"The charge, application or notice. {DATE_HINT}",
    )
    next_hearing_on = GovukDateField(
        label="Date of the next hearing (optional)",
        required=False,
        error_label="date of the next hearing",
        hint=DATE_HINT,
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=4,
        max_length=NOTES_MAX_LENGTH,
        error_label="the notes",
    )


class OutcomeForm(GovukForm):
    outcome = GovukRadiosField(
        label="What was the outcome?",
        choices=[],
        error_messages={"required": "Select the outcome"},
    )
    outcome_on = GovukDateField(
        label="When was the outcome?",
        when="today_or_past",
        error_label="date of the outcome",
        hint=DATE_HINT,
    )
    next_hearing_on = GovukDateField(
        label="Date of the next hearing (optional)",
        required=False,
        error_label="date of the next hearing",
        hint=f"Only when the prosecution goes on after a charge. {DATE_HINT}",
    )

    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(o.value, o.label) for o in outcomes_for(kind)]
        self.fields["outcome"].choices = choices  # type: ignore[attr-defined]
        if kind != ProceedingKind.CRIMINAL_PROSECUTION:
            del self.fields["next_hearing_on"]
