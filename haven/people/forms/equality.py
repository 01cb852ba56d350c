"""Equality monitoring: the nine protected characteristics, each with "Prefer not to say".

Age comes from the date of birth. An unanswered question means it was not asked.
"""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import GovukForm, GovukRadiosField, GovukSelectField, GovukTextField
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

    @classmethod
    def initial_from(cls, equality: EqualityData) -> dict[str, str]:
        return {name: getattr(equality, name) for name in EQUALITY_FIELDS}

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in EQUALITY_FIELDS}
