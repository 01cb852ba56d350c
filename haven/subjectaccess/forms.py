"""The subject access pages' forms (GOV.UK components)."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.subjectaccess.models import ItemDecision, ReceivedHow, Requester, SarItem, StopReason

DATE_HINT = "For example, 27 3 2026"


def _date(label: str) -> GovukDateField:
    return GovukDateField(label=label, hint=DATE_HINT, when="today_or_past")


class NewRequestForm(GovukForm):
    reference_code = GovukTextField(
        label="Reference code of the person the request is about",
        hint="The code on their record, for example HV-1234. Never their name.",
        max_length=20,
        classes="govuk-input--width-10",
    )
    received_on = _date("Date the request was received")
    received_how = GovukRadiosField(label="How was it received?", choices=ReceivedHow.choices)
    requester = GovukRadiosField(label="Who made the request?", choices=Requester.choices)
    representative_name = GovukTextField(
        label="Representative's name and organisation (if a representative)",
        required=False,
        max_length=200,
    )
    representative_authority = GovukTextareaField(
        label="Written authority seen (if a representative)",
        hint="For example, signed letter of authority dated 1 3 2026, kept on file",
        required=False,
        max_length=2000,
    )
    request_details = GovukTextareaField(
        label="What was asked for (optional)", required=False, max_length=4000
    )


class VerifyForm(GovukForm):
    verified_on = _date("Date identity was verified")
    method = GovukTextField(
        label="How was identity verified?",
        hint="For example, seen in person with photo ID; or answers only the person would know",
        max_length=200,
    )


class StopForm(GovukForm):
    reason = GovukRadiosField(label="Why does the clock stop?", choices=StopReason.choices)
    started_on = _date("Date the ID or clarification was asked for")
    note = GovukTextareaField(
        label="What was asked for (optional)", required=False, max_length=2000
    )


class RestartForm(GovukForm):
    ended_on = _date("Date it was received")


class ExtendForm(GovukForm):
    reason = GovukTextareaField(
        label="Why is the request extended?",
        hint="The request is complex, or the person has made a number of requests",
        max_length=2000,
    )
    told_on = _date("Date the person was told of the extension and why")


class ReviewForm(GovukForm):
    decision = GovukRadiosField(
        label="What is released?",
        choices=[(v, label) for v, label in ItemDecision.choices if v != ItemDecision.PENDING],
    )
    redacted_fields = GovukCheckboxesField(
        label="Fields to redact (with 'Release with redactions')", choices=[], required=False
    )
    redact_names = GovukCheckboxesField(
        label="Names of other people",
        choices=[("yes", "Remove the names of other people found in this record")],
        required=False,
    )
    reason = GovukTextareaField(
        label="Reason for redacting or withholding",
        hint="For example, it is information about a third party who has not consented",
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, item: SarItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["redacted_fields"].choices = [  # type: ignore[attr-defined]
            (entry["name"], entry["label"]) for entry in item.fields
        ]

    def clean_redact_names(self) -> bool:
        return "yes" in (self.cleaned_data.get("redact_names") or [])


class SentForm(GovukForm):
    sent_on = _date("Date it was sent")
    sent_how = GovukTextField(
        label="How was it sent?",
        hint="For example, by secure email to the address verified, or handed over in person",
        max_length=200,
    )


class RefuseForm(GovukForm):
    refused_on = _date("Date of the refusal")
    reasons = GovukTextareaField(label="Reasons for refusing", max_length=4000)
    rights_explained = GovukCheckboxesField(
        label="Rights",
        choices=[
            (
                "yes",
                "The person was told of their right to complain to us, to the Information "
                "Commissioner's Office and to go to court",
            )
        ],
        error_messages={
            "required": "Confirm the person was told of their right to complain to us, the ICO "
            "and the courts"
        },
    )


class WithdrawForm(GovukForm):
    withdrawn_on = _date("Date it was withdrawn")
    note = GovukTextareaField(label="Note (optional)", required=False, max_length=2000)
