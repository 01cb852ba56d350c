"""A person's identity and contact details (create and edit), and the duplicate check."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from haven.govuk.forms import (
    GovukDateField,
    GovukEmailField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.people.choices import PreferredWorkerGender
from haven.people.forms.fields import yes_no_field
from haven.people.postcodes import is_postcode, normalise_postcode
from haven.people.selectors import DuplicateCandidate, DuplicateCheck
from haven.people.services import PERSON_FIELDS, PersonDetails

NEW_PERSON = "new"
# when a restricted record looked like a match: a new person only with that acknowledged
NEW_PERSON_CHECKED = "new-checked"
ASK_FIRST = "ask"


class PersonDetailsForm(GovukForm):
    given_name = GovukTextField(
        label="First name", autocomplete="off", spellcheck=False, max_length=100
    )
    family_name = GovukTextField(
        label="Last name", autocomplete="off", spellcheck=False, max_length=100, required=False
    )
    preferred_name = GovukTextField(
        label="Preferred name (optional)",
        error_label="preferred name",
        hint="The name they would like staff to use",
        spellcheck=False,
        max_length=100,
        required=False,
    )
    aliases = GovukTextareaField(
        label="Other names (optional)",
        error_label="other names",
        hint="Previous names, nicknames or other spellings. Put each name on its own line.",
        rows=3,
        required=False,
        max_length=1000,
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        hint="For example, 27 3 1985. Leave blank if not known.",
        when="past",
        required=False,
    )
    dob_is_estimate = yes_no_field(
        "Is the date of birth an estimate?",
        error_label="whether the date of birth is an estimate",
        required=False,
    )
    gender = GovukTextField(
        label="Gender (optional)", error_label="gender", max_length=100, required=False
    )
    pronouns = GovukTextField(
        label="Pronouns (optional)",
        error_label="pronouns",
        hint="For example, she/her, he/him or they/them",
        max_length=50,
        required=False,
        classes="govuk-input--width-10",
    )
    phone = GovukTextField(
        label="Phone number (optional)",
        error_label="phone number",
        hint="This may not be safe to use. Record the safe number on the safe contact page.",
        max_length=30,
        required=False,
        classes="govuk-input--width-20",
        autocomplete="off",
        inputmode="tel",
    )
    email = GovukEmailField(
        label="Email address (optional)", error_label="email address", required=False
    )
    address_line_1 = GovukTextField(
        label="Address line 1 (optional)",
        error_label="address line 1",
        max_length=200,
        required=False,
    )
    address_line_2 = GovukTextField(
        label="Address line 2 (optional)",
        error_label="address line 2",
        max_length=200,
        required=False,
    )
    town = GovukTextField(
        label="Town or city (optional)",
        error_label="town or city",
        max_length=100,
        required=False,
        classes="govuk-!-width-two-thirds",
    )
    postcode = GovukTextField(
        label="Postcode (optional)",
        error_label="postcode",
        max_length=10,
        required=False,
        classes="govuk-input--width-10",
    )
    local_authority = GovukTextField(
        label="Local authority (optional)",
        error_label="local authority",
        max_length=100,
        required=False,
    )
    preferred_language = GovukTextField(
        label="Preferred language (optional)",
        error_label="preferred language",
        max_length=100,
        required=False,
        classes="govuk-input--width-20",
    )
    interpreter_needed = yes_no_field(
        "Do they need an interpreter?",
        error_label="whether they need an interpreter",
        required=False,
    )
    preferred_worker_gender = GovukRadiosField(
        label="Have they asked for a worker of a particular gender? (optional)",
        error_label="the worker they asked for",
        choices=PreferredWorkerGender.choices,
        required=False,
    )

    def clean_postcode(self) -> str:
        postcode: str = self.cleaned_data.get("postcode", "")
        if postcode and not is_postcode(postcode):
            raise ValidationError("Enter a real postcode, like LE5 1FY")
        return normalise_postcode(postcode) if postcode else ""

    def details(self) -> PersonDetails:
        details: PersonDetails = {}
        for name in PERSON_FIELDS:
            details[name] = self.cleaned_data[name]  # type: ignore[literal-required]
        return details

    def alias_names(self) -> list[str]:
        text: str = self.cleaned_data.get("aliases", "")
        return [line.strip() for line in text.splitlines() if line.strip()]


def _describe(candidate: DuplicateCandidate) -> str:
    born = (
        f"{candidate.date_of_birth.day} {candidate.date_of_birth:%B %Y}"
        if candidate.date_of_birth
        else "not known"
    )
    postcode = candidate.partial_postcode or "not known"
    return f"{candidate.name}, born {born}, postcode {postcode}"


class SamePersonForm(GovukForm):
    """Step two of creating a person: "Is this the same person?"."""

    choice = GovukRadiosField(
        label="Is this the same person?",
        error_label="whether this is the same person, or No, create a new person",
        is_page_heading=True,
        choices=[],
    )

    def __init__(self, *args: Any, check: DuplicateCheck, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: GovukRadiosField = self.fields["choice"]  # type: ignore[assignment]
        candidates = check.candidates
        if check.restricted:
            endings = [
                (ASK_FIRST, "Not sure: ask a named worker or my manager first (nothing is saved)"),
                (
                    NEW_PERSON_CHECKED,
                    "No, create a new person: a named worker or my manager has confirmed "
                    "the restricted record is someone else",
                ),
            ]
        else:
            endings = [(NEW_PERSON, "No, create a new person")]
        field.choices = [
            *((str(c.person_id), f"Yes, {c.reference_code}") for c in candidates),
            *endings,
        ]
        field.choice_hints = {str(c.person_id): _describe(c) for c in candidates}
        field.divider_before = endings[0][0]
