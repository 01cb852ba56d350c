"""Equality monitoring: the nine protected characteristics, each with "Prefer not to say".

Age comes from the date of birth. An unanswered question means it was not asked.
"""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextField,
)
from haven.people import choices
from haven.people.models import EqualityData
from haven.people.services import EQUALITY_FIELDS


def _radios(label: str, options: list[tuple[str, str]], **kwargs: Any) -> GovukRadiosField:
    return GovukRadiosField(
        label=label, choices=options, required=False, label_classes="govuk-label--s", **kwargs
    )


class EqualityForm(GovukForm):
    sex = _radios("What is their sex?", choices.Sex.choices)
    gender_same_as_birth = _radios(
        "Is the gender they identify with the same as their sex registered at birth?",
        choices.GenderSameAsBirth.choices,
    )
    sexual_orientation = _radios(
        "Which of the following best describes their sexual orientation?",
        choices.SexualOrientation.choices,
    )
    disability = _radios(
        "Do they consider themselves to have a disability?",
        choices.YesNoPreferNot.choices,
        hint="Under the Equality Act 2010: a physical or mental impairment with a substantial and "
        "long-term effect on their ability to do normal daily activities",
    )
    # seed 004 appendix 1 E10-E13
    disability_types = GovukCheckboxesField(
        label="If yes, what type of disability? (optional)",
        error_label="type of disability",
        choices=choices.DisabilityType.choices,
        required=False,
        hint="Select all that apply",
        label_classes="govuk-label--s",
    )
    ethnicity = GovukSelectField(
        label="What is their ethnic group?",
        error_label="ethnic group",
        hint="Census 2021 categories",
        choices=[("", "Not asked"), *choices.ETHNICITY_CHOICES],
        required=False,
        label_classes="govuk-label--s",
    )
    ethnicity_other = GovukTextField(
        label="If any other background, how would they describe it? (optional)",
        error_label="ethnic background",
        required=False,
        max_length=100,
    )
    religion = _radios("What is their religion or belief?", choices.Religion.choices)
    marital_status = _radios(
        "What is their legal marital or registered civil partnership status?",
        choices.MaritalStatus.choices,
    )
    pregnancy_maternity = _radios(
        "Are they pregnant or have they given birth in the last 26 weeks?",
        choices.PregnancyMaternity.choices,
    )

    # seed 001 s6: refugee communities (not a protected characteristic; asked with them)
    immigration_status = _radios(
        "What is their immigration status?",
        choices.ImmigrationStatus.choices,
        hint="Refugee or asylum status counts towards the under-represented groups. Record no "
        "recourse to public funds as a flag on their page",
    )

    @classmethod
    def initial_from(cls, equality: EqualityData) -> dict[str, Any]:
        initial: dict[str, Any] = {name: getattr(equality, name) for name in EQUALITY_FIELDS}
        initial["disability_types"] = equality.disability_types
        return initial

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("disability_types") and cleaned.get("disability") != "yes":
            self.add_error(
                "disability_types",
                "Only say the type of disability when they consider themselves to have one",
            )
        return cleaned

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in EQUALITY_FIELDS}

    def chosen_disability_types(self) -> list[str]:
        return list(self.cleaned_data.get("disability_types") or [])
