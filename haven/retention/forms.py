"""The retention pages' forms."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.retention.models import ErasureGround, RefusalReason

REASON_MAX = 2000


class ReviewForm(GovukForm):
    items = GovukCheckboxesField(
        label="Records to decide",
        choices=[],
        error_messages={"required": "Select at least one record"},
    )
    action = GovukRadiosField(
        label="What to do with them",
        choices=[
            ("anonymise", "Approve: anonymise (keep the figures, remove what identifies them)"),
            ("erase", "Approve: erase (anonymise and delete what no return counts)"),
            ("defer", "Defer to a later date"),
        ],
        error_messages={"required": "Select what to do with them"},
    )
    until = GovukDateField(
        label="Review again on (to defer)", hint="For example, 27 3 2027", required=False
    )
    reason = GovukTextareaField(
        label="Reason (to defer)", required=False, max_length=REASON_MAX, rows=3
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = choices  # type: ignore[attr-defined]


class HoldForm(GovukForm):
    covers = GovukRadiosField(
        label="What does the hold cover?",
        choices=[],
        error_messages={"required": "Select what the hold covers"},
    )
    reason = GovukTextareaField(
        label="Reason for the hold",
        hint="For example, a civil claim notified by solicitors, or a police request to preserve records",
        max_length=REASON_MAX,
        error_messages={"required": "Enter the reason for the hold"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["covers"].choices = choices  # type: ignore[attr-defined]


class LiftForm(GovukForm):
    reason = GovukTextareaField(
        label="Why is the hold being lifted?",
        max_length=REASON_MAX,
        error_messages={"required": "Enter why the hold is being lifted"},
    )


class ErasureRequestForm(GovukForm):
    received_on = GovukDateField(
        label="Date the request was received",
        hint="For example, 27 3 2026",
        when="today_or_past",
    )
    grounds = GovukRadiosField(
        label="Grounds the person gives (UK GDPR Article 17(1))",
        choices=ErasureGround.choices,
        error_messages={"required": "Select the grounds the person gives"},
    )
    details = GovukTextareaField(
        label="Details (optional)", required=False, max_length=REASON_MAX, rows=3
    )


class DecisionForm(GovukForm):
    decision = GovukRadiosField(
        label="Decision",
        choices=[
            ("erase", "Erase: anonymise and delete what no return counts"),
            ("anonymise", "Anonymise: keep the figures, remove what identifies them"),
            ("refuse", "Refuse"),
        ],
        error_messages={"required": "Select a decision"},
    )
    refusal_reason = GovukRadiosField(
        label="Reason for refusing (Article 17(3))",
        choices=RefusalReason.choices,
        required=False,
    )
    notes = GovukTextareaField(
        label="Notes on the decision (optional)", required=False, max_length=REASON_MAX, rows=3
    )
    recipients_to_tell = GovukTextareaField(
        label="Organisations the data was shared with, who must be told (optional)",
        hint="If erased data was shared, tell the recipients unless this is impossible or disproportionate",
        required=False,
        max_length=REASON_MAX,
        rows=3,
    )
