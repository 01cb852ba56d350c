"""A sample form with every design-system field kind, for the /design-system/ page and tests."""

from __future__ import annotations

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukDateTimeField,
    GovukEmailField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)


class DesignSystemDemoForm(GovukForm):
    """Synthetic questions only: this page is for developers and accessibility checks."""

    full_name = GovukTextField(
        label="Full name", autocomplete="name", spellcheck=False, max_length=100
    )
    email = GovukEmailField(label="Email address", hint="We will only use this to contact you")
    children = GovukIntegerField(
        label="Number of children in the household",
        error_label="number of children",
        classes="govuk-input--width-3",
        min_value=0,
        max_value=20,
    )
    date_of_birth = GovukDateField(
        label="Date of birth", hint="For example, 27 3 1985", when="past", birthday=True
    )
    contacted_at = GovukDateTimeField(
        label="Date and time of first contact",
        hint="For example, 27 3 2026 14 30. Use the 24-hour clock.",
        required=False,
    )
    contact_method = GovukRadiosField(
        label="How should we contact you?",
        error_label="how we should contact you",
        choices=[("phone", "Phone"), ("email", "Email"), ("none", "Do not contact me")],
        choice_hints={"phone": "Only on the safe number you give us"},
        divider_before="none",
    )
    support_needs = GovukCheckboxesField(
        label="What support do you need?",
        error_label="the support you need",
        hint="Select all that apply",
        choices=[
            ("housing", "Housing"),
            ("legal", "Legal advice"),
            ("children", "Support for children"),
            ("none", "None of these"),
        ],
        exclusive="none",
    )
    area = GovukSelectField(
        label="Area",
        choices=[("", "Choose an area"), ("north", "North"), ("south", "South")],
    )
    notes = GovukTextareaField(
        label="Anything else we should know?",
        error_label="anything else we should know",
        hint="Do not include anything you would not want someone else to read",
        max_length=500,
        required=False,
    )
