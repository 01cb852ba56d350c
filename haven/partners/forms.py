"""The partner referral form: what a referrer knows about the person, the referral and how to
contact the person safely (reference §5.1), and their consent. The fields are the staff
forms' own (people's PersonDetailsForm and SafeContactForm, referrals' ReferralForm), trimmed
to what a partner agency knows; the route is the organisation's, never asked."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from haven.govuk.forms import (
    GovukForm,
    GovukModelRadiosField,
    GovukTextField,
)
from haven.people.forms.person import PersonDetailsForm
from haven.people.forms.safe_contact import SafeContactForm
from haven.people.services import PersonDetails
from haven.referrals.forms import ReferralForm
from haven.referrals.models import ContactMethod

PERSON_FIELDS = (
    "given_name",
    "family_name",
    "date_of_birth",
    "phone",
    "email",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
)
REFERRAL_FIELDS = (
    "contact_method",
    "consent_to_contact",
    "primary_support_need",
    "incident_at",
    "referrer_risk_level",
    "risk_indicators",
    "priority",
    "presenting_need",
    "referrer_name",
    "referrer_contact",
)


class PartnerPersonForm(GovukForm):
    """The person's name, date of birth and address (people's own fields and postcode check)."""

    locals().update({name: PersonDetailsForm.base_fields[name] for name in PERSON_FIELDS})
    clean_postcode = PersonDetailsForm.clean_postcode

    def details(self) -> PersonDetails:
        details: PersonDetails = {}
        for name in PERSON_FIELDS:
            details[name] = self.cleaned_data[name]  # type: ignore[literal-required]
        return details


class PartnerSafeContactForm(SafeContactForm):
    """How to contact the person safely: people's safe-contact form as it is."""


class PartnerReferralForm(GovukForm):
    """The referral: referrals' own fields, without route, person code or received time."""

    locals().update({name: ReferralForm.base_fields[name] for name in REFERRAL_FIELDS})
    partner_reference = GovukTextField(
        label="Your reference (optional)",
        error_label="your reference",
        hint="Your own case or crime number, so you can find this referral on your list",
        max_length=100,
        required=False,
        classes="govuk-input--width-20",
    )

    def __init__(
        self, *args: Any, contact_methods: list[str], needs_incident: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.needs_incident = needs_incident
        if contact_methods:
            # the profile's contact_methods: the channels this service can offer (seed 002 s3.7)
            self.fields["contact_method"].choices = [  # type: ignore[attr-defined]
                (value, label) for value, label in ContactMethod.choices if value in contact_methods
            ]
        self.fields["referrer_name"].label = "Your name"
        self.fields["referrer_name"].required = True
        self.fields["referrer_name"].error_messages["required"] = "Enter your name"
        self.fields["referrer_contact"].label = "Your phone number or email address"
        self.fields["referrer_contact"].required = True
        self.fields["referrer_contact"].error_messages["required"] = (
            "Enter your phone number or email address"
        )
        self.fields[
            "consent_to_contact"
        ].label = "Has the person agreed to this referral and to be contacted by the service?"
        if needs_incident:
            self.fields["incident_at"].label = "When was the incident?"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            self.needs_incident
            and not cleaned.get("incident_at")
            and "incident_at" not in self.errors
        ):
            # seed 000 s5: the first-contact deadline runs from the incident, so it must be known
            self.add_error("incident_at", "Enter the date and time of the incident")
        return cleaned

    def details(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "referrer_name": data["referrer_name"],
            "referrer_contact": data["referrer_contact"],
            "incident_at": data["incident_at"],
            "contact_method": data["contact_method"],
            # seed 002 s3.1: consent to the referral; without it the profile's eligibility
            # declines it with the reason
            "consent_to_contact": data["consent_to_contact"] == "yes",
            "primary_support_need": data["primary_support_need"],
            "referrer_risk_level": data["referrer_risk_level"] or "",
            "risk_indicators": data["risk_indicators"],
            "priority": data["priority"],
            "presenting_need": data["presenting_need"],
        }

    def add_problems(self, problems: ValidationError) -> None:
        for field, messages in problems.message_dict.items():
            self.add_error(field if field in self.fields else None, messages)


class TokenCreateForm(GovukForm):
    organisation = GovukModelRadiosField(
        queryset=None,
        label="Which organisation is the token for?",
        error_messages={"required": "Select the organisation"},
    )
    name = GovukTextField(
        label="What is the token for?",
        hint="For example: the police referral system",
        max_length=100,
        error_messages={"required": "Enter what the token is for"},
    )
    days = GovukTextField(
        label="How many days should it last?",
        hint="At most 366",
        classes="govuk-input--width-4",
        inputmode="numeric",
        max_length=3,
        initial="90",
        error_messages={"required": "Enter how many days the token should last"},
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]

    def clean_days(self) -> int:
        text = (self.cleaned_data.get("days") or "").strip()
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 366:
            raise ValidationError("Enter a whole number of days from 1 to 366")
        return int(text)
