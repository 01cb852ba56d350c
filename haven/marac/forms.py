"""MARAC forms, with GOV.UK errors on the fields; the services check everything again."""

from __future__ import annotations

from typing import Any

from haven.consent.models import WITHOUT_CONSENT_BASES
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.marac.meetings import ACTION_MAX_LENGTH, AREA_NAME_MAX_LENGTH, OUTCOME_MAX_LENGTH
from haven.marac.models import ActionStatus, MaracAgency, MaracCriterion
from haven.marac.services import (
    POLICE_REFERENCE_MAX_LENGTH,
    RESEARCH_MAX_LENGTH,
    SUMMARY_MAX_LENGTH,
)

DATE_HINT = "For example, 27 3 2026"
YES_NO = [("yes", "Yes"), ("no", "No")]


class IncidentForm(GovukForm):
    occurred_on = GovukDateField(
        label="When did it happen?",
        when="today_or_past",
        error_label="date of the incident",
        hint=DATE_HINT,
    )
    summary = GovukTextareaField(
        label="What happened, briefly",
        rows=4,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="what happened",
        hint="Any abuse counts, criminal or not: unwanted contact, a breach of bail or an order, "
        "a dispute over child contact or property.",
    )
    police_reference = GovukTextField(
        label="Police reference (optional)",
        required=False,
        max_length=POLICE_REFERENCE_MAX_LENGTH,
        error_label="police reference",
        classes="govuk-input--width-20",
    )


class ReferralForm(GovukForm):
    area = GovukSelectField(label="Which MARAC?", choices=(), error_label="MARAC area")
    referred_on = GovukDateField(
        label="Date referred", when="today_or_past", error_label="date referred", hint=DATE_HINT
    )
    referring_agency = GovukSelectField(
        label="Referring agency",
        choices=[("", "Select an agency"), *MaracAgency.choices],
        error_messages={"required": "Select the referring agency"},
    )
    criteria = GovukCheckboxesField(
        label="Which referral criteria does it meet?",
        choices=MaracCriterion.choices,
        hint="A repeat (a referral within 12 months of the last one) is added for you.",
        error_messages={"required": "Select the criteria the referral meets"},
    )
    judgement_reasons = GovukTextareaField(
        label="Reasons for your professional judgement (if that is a criterion)",
        required=False,
        rows=3,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="reasons",
    )
    research_summary = GovukTextareaField(
        label="Summary for the MARAC (optional)",
        required=False,
        rows=6,
        max_length=RESEARCH_MAX_LENGTH,
        error_label="summary",
        hint="What the MARAC needs to know, and what the victim wants from it to feel safer. "
        "Never write where the victim is staying if that is kept from anyone.",
    )
    consent = GovukRadiosField(
        label="Does the victim consent to the referral?",
        choices=YES_NO,
        error_messages={"required": "Select yes if the victim consents"},
    )
    victim_aware = GovukRadiosField(
        label="Does the victim know of the referral?",
        choices=YES_NO,
        error_messages={"required": "Select yes if the victim knows of the referral"},
    )
    without_consent_reason = GovukTextareaField(
        label="Without consent: why may it be shared?",
        required=False,
        rows=3,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="reason",
        hint="For example, a risk of serious harm to the victim or a child.",
    )
    # issue 15 item 2: the lawful basis the share relies on without consent (reference.md s7)
    without_consent_basis = GovukRadiosField(
        label="Without consent: on what lawful basis is it shared?",
        choices=WITHOUT_CONSENT_BASES,
        required=False,
        error_label="lawful basis",
    )

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Select a MARAC"), *areas] if len(areas) != 1 else areas
        self.fields["area"].choices = choices  # type: ignore[attr-defined]


class AreaForm(GovukForm):
    name = GovukTextField(
        label="Name of the MARAC area",
        max_length=AREA_NAME_MAX_LENGTH,
        hint="For example, Cornwall and Isles of Scilly",
    )


class MeetingForm(GovukForm):
    area = GovukSelectField(label="Which MARAC?", choices=(), error_label="MARAC area")
    held_on = GovukDateField(
        label="Date of the meeting",
        when="today_or_past",
        error_label="date of the meeting",
        hint=DATE_HINT,
    )
    agencies_present = GovukCheckboxesField(
        label="Which agencies were present?",
        choices=MaracAgency.choices,
        error_messages={"required": "Select the agencies present"},
    )
    idva_attended = GovukRadiosField(
        label="Did our IDVA attend?",
        choices=YES_NO,
        error_messages={"required": "Select yes if our IDVA attended"},
    )

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Select a MARAC"), *areas] if len(areas) != 1 else areas
        self.fields["area"].choices = choices  # type: ignore[attr-defined]


class HearingForm(GovukForm):
    referral = GovukSelectField(
        label="Which referred case was heard?", choices=(), error_label="case heard"
    )
    idva_represented = GovukRadiosField(
        label="Did we represent the victim?",
        choices=YES_NO,
        error_messages={"required": "Select yes if we represented the victim"},
    )
    outcome = GovukTextareaField(
        label="Outcome (optional)",
        required=False,
        rows=4,
        max_length=OUTCOME_MAX_LENGTH,
        error_label="outcome",
    )

    def __init__(self, *args: Any, referrals: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["referral"].choices = [("", "Select a case"), *referrals]  # type: ignore[attr-defined]


class ActionForm(GovukForm):
    owning_agency = GovukSelectField(
        label="Which agency owns the action?",
        choices=[("", "Select an agency"), *MaracAgency.choices],
        error_messages={"required": "Select the agency that owns the action"},
    )
    description = GovukTextareaField(
        label="Action", rows=3, max_length=ACTION_MAX_LENGTH, error_label="action"
    )
    due_on = GovukDateField(label="Due", error_label="date the action is due", hint=DATE_HINT)


class ActionStatusForm(GovukForm):
    status = GovukRadiosField(
        label="Where does the action stand?",
        choices=ActionStatus.choices,
        error_messages={"required": "Select where the action stands"},
    )
    status_on = GovukDateField(
        label="As of", when="today_or_past", error_label="date", hint=DATE_HINT
    )


class MaracDataForm(GovukForm):
    """The quarter and MARAC area of the figures page (a GET form)."""

    quarter = GovukSelectField(
        label="Quarter",
        choices=(),
        error_messages={
            "required": "Select a quarter",
            "invalid_choice": "Select one of the quarters in the list",
        },
    )
    area = GovukSelectField(
        label="MARAC area",
        choices=(),
        required=False,
        error_messages={"invalid_choice": "Select one of the MARAC areas in the list"},
    )

    def __init__(
        self,
        *args: Any,
        quarters: list[tuple[str, str]],
        areas: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["quarter"].choices = quarters  # type: ignore[attr-defined]
        self.fields["area"].choices = [("", "All areas"), *areas]  # type: ignore[attr-defined]
