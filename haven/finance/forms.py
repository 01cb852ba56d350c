"""The finance forms: a budget line, its monthly profile, income, spend and the CSV upload,
with GOV.UK errors on the fields. Amounts are typed in pounds and kept as Decimal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from haven.finance.amounts import EXAMPLES, parse_ledger_pounds
from haven.finance.models import Category, IncomeKind
from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextField,
)
from haven.govuk.forms.file_upload import GovukFileField
from haven.hardship.forms import PoundsField

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # ~20,000 rows; kept in the session until confirmed


class LedgerPoundsField(PoundsField):
    """An amount of spend in pounds, negative for a refund or credit note, in the ledger's
    spellings (finance/amounts.py); the service checks the range."""

    def clean(self, value: Any) -> Decimal:
        text = GovukTextField.clean(self, value)
        amount = parse_ledger_pounds(text)
        if amount is None:
            raise forms.ValidationError(
                f"Enter the {self.error_label or 'amount'} in pounds, for example {EXAMPLES}"
            )
        return amount


class BudgetLineForm(GovukForm):
    category = GovukRadiosField(
        label="Which budget line?",
        choices=Category.choices,
        error_messages={"required": "Select the category"},
    )
    amount = PoundsField(
        label="Budget for the year",
        error_label="budget",
        error_messages={"required": "Enter the budget"},
        hint="Its profile of spend is spread evenly over the year's months; change it after",
    )


class ProfileForm(GovukForm):
    """One amount per month of the year (fields m0 .. m11)."""

    def __init__(self, *args: Any, months: list[date], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n, month in enumerate(months):
            self.fields[f"m{n}"] = PoundsField(
                label=f"{month:%B %Y}",
                error_label=f"spend planned for {month:%B %Y}",
                error_messages={"required": f"Enter the spend planned for {month:%B %Y}"},
            )
        self.months = months


class IncomeForm(GovukForm):
    received_on = GovukDateField(
        label="When was it received?",
        when="today_or_past",
        error_label="date received",
        hint="For example, 27 3 2026",
    )
    kind = GovukRadiosField(
        label="What kind of income?",
        choices=IncomeKind.choices,
        error_messages={"required": "Select the kind of income"},
    )
    source = GovukTextField(
        label="Where did it come from?",
        hint="For example, the commissioner's quarterly payment or a charitable grant",
        max_length=200,
        error_messages={"required": "Enter where the money came from"},
    )
    amount = PoundsField(
        label="Amount", error_label="amount", error_messages={"required": "Enter the amount"}
    )


class SpendForm(GovukForm):
    spent_on = GovukDateField(
        label="When was it spent?",
        when="today_or_past",
        error_label="date spent",
        hint="For example, 27 3 2026",
    )
    category = GovukRadiosField(
        label="Which budget line?",
        choices=[
            (key, label)
            for key, label in Category.choices
            if key not in ("hardship_fund", "target_hardening")
        ],
        hint="Hardship grants paid and target hardening items fitted are counted automatically",
        error_messages={"required": "Select the category"},
    )
    description = GovukTextField(
        label="What was it spent on?",
        max_length=200,
        error_messages={"required": "Enter what the money was spent on"},
    )
    supplier = GovukTextField(label="Supplier (optional)", required=False, max_length=200)
    amount = LedgerPoundsField(
        label="Amount",
        error_label="amount",
        hint="A refund or credit note is a negative amount, for example -12.50 or (12.50)",
        error_messages={"required": "Enter the amount"},
    )


class SpendUploadForm(GovukForm):
    upload = GovukFileField(
        label="Spend file from the finance system",
        hint=(
            "A CSV file of up to 2 MB with the headings transaction_ref, date, amount, category, "
            "description and supplier (optional) in row 1"
        ),
        error_messages={"required": "Select the spend file"},
    )

    def clean_upload(self) -> Any:
        upload = self.cleaned_data["upload"]
        if not str(upload.name).lower().endswith(".csv"):
            raise forms.ValidationError("The selected file must be a CSV file")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The selected file must be smaller than 2 MB")
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty")
        return upload


class TransactionFilterForm(GovukForm):
    """The transactions list's filters (a GET form): each one optional."""

    category = GovukSelectField(label="Budget line", required=False)
    period = GovukSelectField(label="Month or quarter", required=False)
    source = GovukSelectField(label="Source", required=False)

    def __init__(
        self, *args: Any, periods: list[tuple[str, str]], sources: dict[str, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "Every budget line"), *Category.choices]  # type: ignore[attr-defined]
        self.fields["period"].choices = [("", "The whole year"), *periods]  # type: ignore[attr-defined]
        self.fields["source"].choices = [("", "Every source"), *sources.items()]  # type: ignore[attr-defined]
