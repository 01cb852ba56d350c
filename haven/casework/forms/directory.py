"""One entry of the agency directory: who, what kind, where, and how to send a referral safely."""

from __future__ import annotations

from typing import Any

from haven.casework.models import AgencyType, ContactRoute
from haven.casework.services.directory import (
    AREAS_MAX_LENGTH,
    DETAILS_MAX_LENGTH,
    NAME_MAX_LENGTH,
    NOTES_MAX_LENGTH,
)
from haven.contracts.models import Organisation
from haven.govuk.forms import (
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)


class AgencyForm(GovukForm):
    organisation = GovukRadiosField(
        label="Whose directory is it in?",
        choices=[],
        error_messages={"required": "Select the organisation"},
    )
    name = GovukTextField(
        label="Name of the agency or service",
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": "Enter the agency’s name"},
    )
    agency_type = GovukRadiosField(
        label="What type of agency is it?",
        choices=AgencyType.choices,
        divider_before="other",
        small=True,
        error_messages={"required": "Select the type of agency"},
    )
    areas_covered = GovukTextField(
        label="Areas covered (optional)",
        required=False,
        max_length=AREAS_MAX_LENGTH,
        hint="For example, Leicester, Leicestershire and Rutland",
    )
    contact_route = GovukRadiosField(
        label="How is a referral sent safely?",
        choices=ContactRoute.choices,
        error_messages={"required": "Select how to send a referral safely"},
    )
    contact_details = GovukTextField(
        label="Secure address, number or portal",
        max_length=DETAILS_MAX_LENGTH,
        hint="The secure email address, the referral line, or the portal’s address",
        error_messages={
            "required": "Enter the secure address, number or portal to send referrals to"
        },
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        hint="For example, what the agency accepts and any referral form it asks for",
    )
    is_active = GovukRadiosField(
        label="Is it offered to staff when they refer?",
        choices=[("yes", "Yes, active"), ("no", "No, no longer used")],
        initial="yes",
        inline=True,
        error_messages={"required": "Select whether it is active"},
    )

    def __init__(
        self, *args: Any, organisations: list[Organisation], editing: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        if editing or len(organisations) == 1:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].choices = [  # type: ignore[attr-defined]
                (pk, o.name) for pk, o in self.organisations.items()
            ]
        if not editing:
            del self.fields["is_active"]

    def chosen_organisation(self) -> Organisation:
        if "organisation" not in self.fields:
            return next(iter(self.organisations.values()))
        return self.organisations[self.cleaned_data["organisation"]]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {key: data[key] for key in self.fields if key not in ("organisation",)}
        if "is_active" in values:
            values["is_active"] = values["is_active"] == "yes"
        return values
