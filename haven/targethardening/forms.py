"""Forms for target hardening, with GOV.UK errors on the fields: the catalogue item, the visit
and its Home Security Assessment, an item fitted, a refusal, the manager's approval over the
limit and additional needs."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError

from haven.contracts.profiles.target_hardening import TargetHardeningSpec
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
    GovukTypedRadiosField,
)
from haven.targethardening.models import Fitting, RefusedBy, SecurityItem
from haven.targethardening.services import (
    MAX_QUANTITY,
    MAX_UNIT_PRICE,
    NAME_MAX_LENGTH,
    WORK_MAX_LENGTH,
)
from haven.validators import NOTE_MAX_LENGTH, REASON_MAX_LENGTH

DATE_HINT = "For example, 27 3 2026"
WHEN_HINT = "For example, 27 3 2026 14 30. Use the 24-hour clock."


def yes_no(label: str, **kwargs: Any) -> GovukTypedRadiosField:
    return GovukTypedRadiosField(
        label=label,
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda value: value == "True",
        empty_value=None,
        inline=True,
        **kwargs,
    )


class SecurityItemForm(GovukForm):
    name = GovukTextField(
        label="Item",
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": "Enter the item's name"},
    )
    police_approved = yes_no(
        "Is it police approved or kitemarked?",
        error_messages={"required": "Select yes if the item is police approved or kitemarked"},
    )
    unit_price = GovukTextField(
        label="Unit price",
        prefix="£",
        classes="govuk-input--width-5",
        inputmode="decimal",
        max_length=12,
        error_messages={"required": "Enter the unit price"},
    )
    max_per_property = GovukIntegerField(
        label="Most fitted at one property",
        classes="govuk-input--width-3",
        min_value=1,
        max_value=MAX_QUANTITY,
        error_messages={"required": "Enter the most fitted at one property"},
    )
    fitting = GovukRadiosField(
        label="Who fits it?",
        choices=Fitting.choices,
        error_messages={"required": "Select who fits the item"},
    )
    active = yes_no(
        "Can it be fitted now?",
        hint="Items no longer supplied stay in the records of what was fitted.",
        error_messages={"required": "Select yes if the item can be fitted now"},
    )

    def clean_unit_price(self) -> Decimal:
        text = self.cleaned_data["unit_price"].strip().lstrip("£").replace(",", "").strip()
        try:
            price = Decimal(text)
        except InvalidOperation:
            raise ValidationError("Enter the unit price in pounds, like 24.99") from None
        if not price.is_finite() or price.as_tuple().exponent < -2:  # type: ignore[operator]
            raise ValidationError("Enter the unit price in pounds, like 24.99")
        if not Decimal(0) <= price <= MAX_UNIT_PRICE:
            raise ValidationError(f"The unit price must be between £0 and £{MAX_UNIT_PRICE:,}")
        return price


class VisitForm(GovukForm):
    """The home visit and the Home Security Assessment (the profile's questions and the
    referrer's vulnerability factors)."""

    visited_at = GovukDateTimeField(
        label="When was the visit?",
        when="today_or_past",
        error_label="date and time of the visit",
        hint=f"This meets the deadline to attend. {WHEN_HINT}",
    )
    concerns = GovukCheckboxesField(
        label="Security concerns found at the home, garden and perimeter",
        choices=[],
        required=False,
        hint="Select all that apply.",
    )
    vulnerabilities = GovukCheckboxesField(
        label="Vulnerability factors from the referrer",
        choices=[],
        required=False,
        hint="Select all that apply.",
    )

    override_reason = GovukTextareaField(
        label="If the safe-contact check warns about visits, why was it safe to visit?",
        required=False,
        rows=2,
        max_length=REASON_MAX_LENGTH,
        error_label="the reason it was safe to visit",
    )

    def __init__(self, *args: Any, spec: TargetHardeningSpec, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rules = spec.assessment
        self.fields["concerns"].choices = [  # type: ignore[attr-defined]
            (q.key, f"{q.label} ({_points(q.points)})") for q in rules.questions
        ]
        self.fields["vulnerabilities"].choices = [  # type: ignore[attr-defined]
            (f.key, f"{f.label} ({_points(f.points)})") for f in rules.vulnerability_factors
        ]


def _points(points: int) -> str:
    return f"{points} point" + ("" if points == 1 else "s")


def item_choice_label(item: SecurityItem) -> str:
    approved = "" if item.police_approved else ", not police approved"
    return (
        f"{item.name}: £{item.unit_price:,.2f} each, at most {item.max_per_property} "
        f"({item.get_fitting_display().lower()}{approved})"
    )


class FitForm(GovukForm):
    item = GovukSelectField(
        label="Item", choices=[], error_messages={"required": "Select the item"}
    )
    quantity = GovukIntegerField(
        label="How many?",
        classes="govuk-input--width-3",
        min_value=1,
        max_value=MAX_QUANTITY,
        error_label="the quantity",
        error_messages={"required": "Enter how many"},
    )
    fitted_on = GovukDateField(
        label="Date fitted or supplied",
        when="today_or_past",
        error_label="date fitted",
        hint=DATE_HINT,
    )

    def __init__(self, *args: Any, items: list[SecurityItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "Choose an item")] + [  # type: ignore[attr-defined]
            (str(item.pk), item_choice_label(item)) for item in items
        ]


class RefusalForm(GovukForm):
    item = GovukSelectField(label="Item (if it is in the catalogue)", choices=[], required=False)
    work = GovukTextField(
        label="Or the work refused",
        required=False,
        max_length=WORK_MAX_LENGTH,
        hint="For example, replace the front door broken in the incident",
    )
    refused_by = GovukRadiosField(
        label="Why was it not supplied?",
        choices=RefusedBy.choices,
        error_messages={"required": "Select why it was refused"},
    )
    reason = GovukTextareaField(
        label="Reason",
        rows=3,
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": "Enter the reason"},
    )

    def __init__(self, *args: Any, items: list[SecurityItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [("", "Not a catalogue item")] + [  # type: ignore[attr-defined]
            (str(item.pk), item.name) for item in items
        ]


class OverLimitForm(GovukForm):
    reason = GovukTextareaField(
        label="Why may more be spent on this property?",
        rows=3,
        max_length=REASON_MAX_LENGTH,
        error_label="the reason",
        error_messages={"required": "Enter why more may be spent on this property"},
    )


class NeedsForm(GovukForm):
    needs = GovukTextareaField(
        label="Additional needs found",
        rows=4,
        max_length=NOTE_MAX_LENGTH,
        error_messages={"required": "Enter the additional needs"},
    )
    consent_to_share = yes_no(
        "Does the victim consent to these needs being shared with the referrer?",
        error_messages={"required": "Select yes if the victim consents to sharing"},
    )
    feed_back = GovukCheckboxesField(
        label="Feeding back",
        choices=[("yes", "The needs have been fed back to the referrer")],
        required=False,
        hint="Only with the victim's consent.",
    )

    @property
    def wants_feed_back(self) -> bool:
        return "yes" in (self.cleaned_data.get("feed_back") or [])
