"""Find a person by reference code, or by name and date of birth."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from haven.govuk.forms import GovukDateField, GovukForm, GovukTextField
from haven.people import reference_codes
from haven.people.selectors import PersonSearchQuery


class PersonSearchForm(GovukForm):
    reference_code = GovukTextField(
        label="Reference code",
        hint="For example, HK7M-3QX9C",
        required=False,
        spellcheck=False,
        autocomplete="off",
        classes="govuk-input--width-10",
        max_length=20,
    )
    name = GovukTextField(
        label="Name", required=False, spellcheck=False, autocomplete="off", max_length=200
    )
    date_of_birth = GovukDateField(
        label="Date of birth", hint="For example, 27 3 1985", required=False
    )

    def clean_reference_code(self) -> str:
        code: str = self.cleaned_data.get("reference_code", "").strip()
        if not code:
            return ""
        try:
            return reference_codes.normalise(code)
        except reference_codes.InvalidReferenceCodeError:
            if reference_codes.looks_like_code(code):
                raise ValidationError(
                    "Check the reference code: one of the characters is wrong or two are swapped"
                ) from None
            raise ValidationError(
                "Enter a reference code in the correct format, like HK7M-3QX9C"
            ) from None

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if self.errors or cleaned.get("reference_code"):
            return cleaned
        name, born = cleaned.get("name"), cleaned.get("date_of_birth")
        if not name and not born:
            self.add_error("reference_code", "Enter a reference code, or a name and date of birth")
        elif not name:
            self.add_error("name", "Enter a name to search with the date of birth")
        elif not born:
            self.add_error("date_of_birth", "Enter a date of birth to search with the name")
        return cleaned

    def query(self) -> PersonSearchQuery:
        return PersonSearchQuery(
            reference_code=self.cleaned_data.get("reference_code", ""),
            name=self.cleaned_data.get("name", ""),
            date_of_birth=self.cleaned_data.get("date_of_birth"),
        )
