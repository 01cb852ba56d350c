"""The helpline's forms: a call logged on one form (with its call-back), a call-back closed, a
shift added, and the call log's filter. GOV.UK components; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukDateTimeField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.helpline.models import (
    OUTCOMES,
    CallBackStatus,
    CallerType,
    CallKind,
    Direction,
    LeaveMessage,
)
from haven.helpline.services import NOTE_MAX_LENGTH, PHONE_MAX_LENGTH

ANSWERED = [("live", "Answered live"), ("message", "A voicemail or missed call to answer")]


class CallForm(GovukForm):
    contract = GovukSelectField(label="Service", choices=[])
    started_at = GovukDateTimeField(
        label="When did the call start?", error_label="when the call started", when="today_or_past"
    )
    direction = GovukRadiosField(
        label="Direction", choices=Direction.choices, inline=True, small=True
    )
    answered = GovukRadiosField(
        label="Was it answered live?",
        error_label="whether it was answered live",
        choices=ANSWERED,
        inline=True,
        small=True,
    )
    caller_type = GovukRadiosField(
        label="Who called?",
        error_label="who called",
        choices=CallerType.choices,
        small=True,
        error_messages={"required": "Select who called"},
    )
    kind = GovukRadiosField(label="Kind of call", choices=CallKind.choices, inline=True, small=True)
    duration_minutes = GovukIntegerField(
        label="Length of the call in minutes",
        error_label="length of the call",
        classes="govuk-input--width-4",
        min_value=0,
        max_value=12 * 60,
    )
    outcomes = GovukCheckboxesField(
        label="Outcome",
        hint="Select all that apply",
        choices=list(OUTCOMES.items()),
        required=False,
        small=True,
    )
    consent = GovukCheckboxesField(
        label="Record",
        choices=[("yes", "The caller agrees to a record being kept about them")],
        hint="Without it nothing about the caller is recorded, and no case is linked",
        required=False,
        small=True,
    )
    case_reference = GovukTextField(
        label="Link to a case: the person's reference code (optional)",
        error_label="reference code",
        required=False,
        max_length=10,
        classes="govuk-input--width-10",
        hint="Only with the caller's agreement. To refer them, record the referral after saving",
    )
    call_back_due = GovukDateTimeField(
        label="Call back by", error_label="when to call back", required=False
    )
    call_back_phone = GovukTextField(
        label="Number to call back",
        error_label="number to call back",
        required=False,
        max_length=PHONE_MAX_LENGTH,
        classes="govuk-input--width-20",
        autocomplete="off",
    )
    may_leave_message = GovukRadiosField(
        label="May we leave a message?",
        error_label="whether we may leave a message",
        choices=LeaveMessage.choices,
        required=False,
        inline=True,
        small=True,
    )
    safe_times = GovukTextField(
        label="Safe times to call", required=False, max_length=NOTE_MAX_LENGTH
    )
    safe_contact_note = GovukTextareaField(
        label="Safe-contact note",
        hint="For example who may answer, or a word to use. Kept with the call-back only",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        rows=2,
    )

    def __init__(self, *args: Any, contracts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [(str(c.pk), c.name) for c in contracts]  # type: ignore[attr-defined]


class CallBackCloseForm(GovukForm):
    status = GovukRadiosField(
        label="What happened?",
        error_label="what happened",
        choices=[
            (CallBackStatus.DONE, "Done: we spoke to the caller"),
            (CallBackStatus.MISSED, "Missed: not reached or not made"),
            (CallBackStatus.CANCELLED, "Cancelled: no longer needed"),
        ],
        error_messages={"required": "Select what happened"},
    )


class ShiftForm(GovukForm):
    staff = GovukSelectField(label="Who is on shift?", error_label="who is on shift", choices=[])
    starts_at = GovukDateTimeField(label="Starts", error_label="when the shift starts")
    ends_at = GovukDateTimeField(label="Ends", error_label="when the shift ends")

    def __init__(self, *args: Any, staff: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff"].choices = [("", "Choose")] + [  # type: ignore[attr-defined]
            (str(u.pk), str(u)) for u in staff
        ]


class LogFilterForm(GovukForm):
    start = GovukDateField(label="From", required=False)
    end = GovukDateField(label="To", required=False)
    outcome = GovukSelectField(
        label="Outcome", choices=[("", "Any"), *list(OUTCOMES.items())], required=False
    )
    caller_type = GovukSelectField(
        label="Caller", choices=[("", "Any"), *CallerType.choices], required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            raise forms.ValidationError({"end": "The end date must be on or after the start"})
        return data
