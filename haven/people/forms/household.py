"""Household: add a child (a person with their own reference code) or a person causing harm."""

from __future__ import annotations

from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.people.choices import ChildRelationship, HarmRelationship
from haven.people.forms.fields import yes_no_field
from haven.people.services import HarmerDetails, PersonDetails


class ChildAddForm(GovukForm):
    given_name = GovukTextField(
        label="First name", spellcheck=False, autocomplete="off", max_length=100
    )
    family_name = GovukTextField(
        label="Last name (optional)",
        error_label="last name",
        spellcheck=False,
        autocomplete="off",
        max_length=100,
        required=False,
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        hint="For example, 27 3 2015. Leave blank if not known.",
        when="today_or_past",
        required=False,
    )
    gender = GovukTextField(
        label="Gender (optional)", error_label="gender", max_length=100, required=False
    )
    relationship = GovukRadiosField(
        label="How are they related?",
        error_label="how they are related",
        choices=ChildRelationship.choices,
    )
    lives_with_person = yes_no_field(
        "Do they live with this person?",
        error_label="whether they live with this person",
        required=True,
    )

    def details(self) -> PersonDetails:
        return PersonDetails(
            given_name=self.cleaned_data["given_name"],
            family_name=self.cleaned_data["family_name"],
            date_of_birth=self.cleaned_data["date_of_birth"],
            gender=self.cleaned_data["gender"],
        )


class HarmerAddForm(GovukForm):
    given_name = GovukTextField(
        label="First name", spellcheck=False, autocomplete="off", max_length=100
    )
    family_name = GovukTextField(
        label="Last name (optional)",
        error_label="last name",
        spellcheck=False,
        autocomplete="off",
        max_length=100,
        required=False,
    )
    known_as = GovukTextField(
        label="Also known as (optional)", error_label="other names", max_length=200, required=False
    )
    date_of_birth = GovukDateField(
        label="Date of birth",
        hint="For example, 27 3 1985. Leave blank if not known.",
        when="past",
        required=False,
    )
    gender = GovukTextField(
        label="Gender (optional)", error_label="gender", max_length=100, required=False
    )
    description = GovukTextareaField(
        label="Description (optional)",
        error_label="description",
        hint="How to recognise them, for example appearance or vehicle. Do not include the address "
        "of the person they harm.",
        required=False,
        max_length=1000,
        rows=3,
    )
    relationship = GovukRadiosField(
        label="What is their relationship to this person?",
        error_label="their relationship to this person",
        choices=HarmRelationship.choices,
    )
    lives_with_person = yes_no_field(
        "Do they live with this person?",
        error_label="whether they live with this person",
        hint="If yes, letters and home visits to the address will be blocked",
        required=True,
    )

    def details(self) -> HarmerDetails:
        data = self.cleaned_data
        return HarmerDetails(
            given_name=data["given_name"],
            family_name=data["family_name"],
            known_as=data["known_as"],
            date_of_birth=data["date_of_birth"],
            gender=data["gender"],
            description=data["description"],
        )
