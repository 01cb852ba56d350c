"""The referral form (route, person by reference code, details) and the decision forms."""

from __future__ import annotations

from typing import Any

from haven.deadlines import RISK_LEVEL_CHOICES
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateTimeField,
    GovukForm,
    GovukModelRadiosField,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.referrals.models import (
    Cohort,
    ContactMethod,
    DeclineCategory,
    Priority,
    ReceivedVia,
    SupportNeed,
)
from haven.validators import NOTE_MAX_LENGTH, REASON_MAX_LENGTH

YES_NO = [("yes", "Yes"), ("no", "No")]


class ChooseContractForm(GovukForm):
    contract = GovukModelRadiosField(
        queryset=None,
        label="Which service is the referral for?",
        label_classes="govuk-label--l",
        is_page_heading=True,
        error_messages={"required": "Select the service the referral is for"},
    )

    def __init__(self, *args: Any, contracts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].queryset = contracts  # type: ignore[attr-defined]


class ReferralForm(GovukForm):
    route = GovukRadiosField(
        label="How did the referral arrive?",
        error_messages={"required": "Select how the referral arrived"},
    )
    received_via = GovukRadiosField(
        label="How was it received?",
        choices=ReceivedVia.choices,
        error_messages={"required": "Select how the referral was received"},
    )
    reference_code = GovukTextField(
        label="Person’s reference code",
        classes="govuk-input--width-10",
        spellcheck=False,
        hint="For example HK7M-3QX9A. Add the person first if they are new.",
        error_messages={"required": "Enter the person’s reference code"},
    )
    source_organisation = GovukTextField(
        label="Referring organisation (optional)", required=False, max_length=200
    )
    referrer_name = GovukTextField(
        label="Referrer’s name (optional)", required=False, max_length=200
    )
    referrer_contact = GovukTextField(
        label="Referrer’s phone or email (optional)", required=False, max_length=200
    )
    received_at = GovukDateTimeField(
        label="When was the referral received?",
        when="today_or_past",
        error_label="date and time the referral was received",
    )
    incident_at = GovukDateTimeField(
        label="When was the incident? (police referrals)",
        required=False,
        when="today_or_past",
        error_label="date and time of the incident",
    )
    contact_method = GovukRadiosField(
        label="How does the person want to be contacted?",
        choices=ContactMethod.choices,
        error_messages={"required": "Select how the person wants to be contacted"},
    )
    consent_to_contact = GovukRadiosField(
        label="Has the person consented to be contacted?",
        choices=YES_NO,
        inline=True,
        error_messages={"required": "Select yes if the person has consented to be contacted"},
    )
    primary_support_need = GovukRadiosField(
        label="Primary support need",
        choices=SupportNeed.choices,
        error_messages={"required": "Select the primary support need"},
    )
    referrer_risk_level = GovukRadiosField(
        label="Risk level given by the referrer",
        required=False,
        choices=[("", "Not given"), *RISK_LEVEL_CHOICES],
    )
    risk_indicators = GovukTextareaField(
        label="Risk and vulnerability indicators from the referrer (optional)",
        error_label="risk and vulnerability indicators",
        required=False,
        rows=3,
        max_length=NOTE_MAX_LENGTH,
    )
    priority = GovukRadiosField(
        label="Priority",
        choices=Priority.choices,
        initial=Priority.STANDARD,
        inline=True,
        hint="Emergency is for target hardening attendance within 4 hours",
    )
    presenting_need = GovukTextareaField(
        label="Presenting need (optional)",
        error_label="presenting need",
        required=False,
        rows=4,
        max_length=NOTE_MAX_LENGTH,
    )
    cohorts = GovukCheckboxesField(
        label="Does any of these apply? (optional)",
        required=False,
        choices=Cohort.choices,
        hint="Some services never put these people on a waiting list",
    )

    def __init__(
        self,
        *args: Any,
        routes: list[tuple[str, str]],
        needs_incident: bool = False,
        contact_methods: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["route"].choices = routes  # type: ignore[attr-defined]
        if contact_methods:
            # the profile's contact_methods: the channels this service can offer (seed 002 s3.7)
            self.fields["contact_method"].choices = [  # type: ignore[attr-defined]
                (value, label) for value, label in ContactMethod.choices if value in contact_methods
            ]
        self.needs_incident = needs_incident
        if needs_incident:
            self.fields["incident_at"].label = "When was the incident?"
            self.fields[
                "incident_at"
            ].hint = "This service's first-contact deadline runs from the incident"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        from_police = cleaned.get("received_via") == ReceivedVia.POLICE_NOTIFICATION
        if (
            (self.needs_incident or from_police)
            and not cleaned.get("incident_at")
            and "incident_at" not in self.errors
        ):
            # seed 000 s5: DV 360's 24 hours run from the incident, so it must be known;
            # Haven reading: a police notification always has an incident, so it is recorded
            self.add_error("incident_at", "Enter the date and time of the incident")
        received, incident = cleaned.get("received_at"), cleaned.get("incident_at")
        if received and incident and incident > received:
            self.add_error("incident_at", "The incident must be before the referral was received")
        return cleaned

    def details(self) -> dict[str, Any]:
        """The Referral fields (everything except route, person and received time)."""
        data = self.cleaned_data
        return {
            "received_via": data["received_via"],
            "source_organisation": data["source_organisation"],
            "referrer_name": data["referrer_name"],
            "referrer_contact": data["referrer_contact"],
            "incident_at": data["incident_at"],
            "contact_method": data["contact_method"],
            "consent_to_contact": data["consent_to_contact"] == "yes",
            "primary_support_need": data["primary_support_need"],
            "referrer_risk_level": data["referrer_risk_level"] or "",
            "risk_indicators": data["risk_indicators"],
            "priority": data["priority"],
            "presenting_need": data["presenting_need"],
            "cohorts": list(data["cohorts"]),
        }


class DeclineForm(GovukForm):
    # seed 004 s10 A3: declines are reported with their reasons, so a category as well as words
    category = GovukRadiosField(
        label="Why is the referral declined?",
        choices=DeclineCategory.choices,
        error_messages={"required": "Select why the referral is declined"},
    )
    reason = GovukTextareaField(
        label="Explain the reason",
        rows=4,
        error_label="the reason",
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": "Enter the reason for declining the referral"},
    )
