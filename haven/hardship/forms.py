"""The hardship fund's forms: a year's budget, a grant request, a decision and a payment, with
GOV.UK errors on the fields. Amounts are typed in pounds and kept as Decimal (never float)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.hardship.models import GrantPurpose
from haven.hardship.money import parse_pounds
from haven.hardship.services import DETAIL_MAX_LENGTH


class PoundsField(GovukTextField):
    """An amount in pounds, at most two decimal places: a Decimal (the service checks the range)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 20)
        super().__init__(prefix="£", inputmode="decimal", classes="govuk-input--width-10", **kwargs)

    def clean(self, value: Any) -> Decimal:
        text = super().clean(value)
        amount = parse_pounds(text)
        if amount is None:
            raise forms.ValidationError(
                f"Enter the {self.error_label or 'amount'} in pounds, for example 40 or 12.50"
            )
        return amount


class BudgetForm(GovukForm):
    year = GovukRadiosField(
        label="Which financial year?", choices=[], error_messages={"required": "Select the year"}
    )
    budget = PoundsField(
        label="Budget for the year",
        error_label="budget",
        error_messages={"required": "Enter the budget"},
        hint="The profile's yearly amount is filled in",
    )

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(str(y), f"{y} to {y + 1}") for y in years]  # type: ignore[attr-defined]


class GrantRequestForm(GovukForm):
    amount = PoundsField(
        label="How much is needed?",
        error_label="amount",
        error_messages={"required": "Enter the amount"},
    )
    purpose = GovukRadiosField(
        label="What is it for?",
        choices=GrantPurpose.choices,
        error_messages={"required": "Select what the grant is for"},
    )
    detail = GovukTextareaField(
        label="Detail (needed for other)",
        required=False,
        rows=3,
        max_length=DETAIL_MAX_LENGTH,
        error_label="the detail",
    )


class DecisionForm(GovukForm):
    decision = GovukRadiosField(
        label="Do you approve the grant?",
        choices=[("approve", "Approve"), ("refuse", "Refuse")],
        error_messages={"required": "Select approve or refuse"},
    )
    note = GovukTextareaField(
        label="Note (optional)",
        required=False,
        rows=3,
        max_length=DETAIL_MAX_LENGTH,
        error_label="the note",
    )


class PaymentForm(GovukForm):
    paid_on = GovukDateField(
        label="When was it paid?",
        when="today_or_past",
        error_label="date paid",
        hint="For example, 27 3 2026",
    )
