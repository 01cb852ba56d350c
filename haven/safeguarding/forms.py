"""The safeguarding forms, with GOV.UK errors on the fields; every write goes to a service."""

from __future__ import annotations

from typing import Any

from haven.consent.models import WITHOUT_CONSENT_BASES
from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.people.choices import HarmRelationship
from haven.people.models import Person
from haven.safeguarding.adults import CONCERN_MAX_LENGTH
from haven.safeguarding.models import (
    NOTES_MAX_LENGTH,
    SCHOOL_MAX_LENGTH,
    VOICE_MAX_LENGTH,
    CarerReferral,
    EventKind,
    Substantiation,
)

DATE_HINT = "For example, 27 3 2026"
YES_NO = [("yes", "Yes"), ("no", "No")]
FAMILY = "family"
NOT_KNOWN = "not_known"
NOT_A_MEETING = "not_a_meeting"
NOT_A_REFERRAL = "not_a_referral"


def _date(label: str, error_label: str, *, required: bool = False, hint: str = DATE_HINT) -> Any:
    return GovukDateField(
        label=label if required else f"{label} (optional)",
        required=required,
        when="today_or_past" if required else None,
        error_label=error_label,
        hint=hint,
    )


def _yes_no(label: str, required_message: str) -> GovukRadiosField:
    return GovukRadiosField(
        label=label, choices=YES_NO, inline=True, error_messages={"required": required_message}
    )


class ChildRecordForm(GovukForm):
    school = GovukTextField(
        label="School or nursery (optional)",
        required=False,
        max_length=SCHOOL_MAX_LENGTH,
        error_label="school or nursery",
    )
    cp_plan_started_on = _date("Child protection plan: start date", "start date of the plan")
    cp_plan_ended_on = _date("Child protection plan: end date", "end date of the plan")
    cin_started_on = _date("Child in need: start date", "start date of child in need")
    cin_ended_on = _date("Child in need: end date", "end date of child in need")
    looked_after_started_on = _date(
        "Looked after: start date", "date the child became looked after"
    )
    looked_after_ended_on = _date(
        "Looked after: end date", "date the child stopped being looked after"
    )
    voice = GovukTextareaField(
        label="The child's voice: what the child said (optional)",
        required=False,
        rows=4,
        max_length=VOICE_MAX_LENGTH,
        error_label="what the child said",
        hint="In the child's own words where you can",
    )
    voice_on = _date("Date the child said it", "date the child said it")


class SafeguardingEventForm(GovukForm):
    kind = GovukRadiosField(
        label="What happened?",
        choices=EventKind.choices,
        error_messages={"required": "Select what happened"},
    )
    occurred_on = GovukDateField(
        label="Date", when="today_or_past", error_label="date", hint=DATE_HINT
    )
    child = GovukRadiosField(
        label="Which child is it about?",
        choices=[],
        error_messages={"required": "Select the child, or the whole family"},
    )
    attended = GovukRadiosField(
        label="A meeting: did the service attend?",
        choices=[*YES_NO, (NOT_A_MEETING, "It is not a meeting")],
        error_messages={"required": "Select yes if the service attended the meeting"},
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        error_label="the notes",
    )
    # issue 15 item 2: a referral shares information; with consent, or on a lawful basis with
    # the reason (reference.md s7)
    share_consent = GovukRadiosField(
        label="A referral: does the person consent to it being made?",
        choices=[*YES_NO, (NOT_A_REFERRAL, "It is not a referral")],
        error_messages={"required": "Select yes if the person consents to the referral"},
    )
    share_basis = GovukRadiosField(
        label="Without consent: on what lawful basis is it made?",
        choices=WITHOUT_CONSENT_BASES,
        required=False,
        error_label="lawful basis",
    )
    share_reason = GovukTextareaField(
        label="Without consent: why is it made?",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        error_label="the reason",
        hint="For example, a risk of significant harm to a child.",
    )

    def __init__(self, *args: Any, children: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(c.pk), f"{c.full_name} ({c.reference_code})") for c in children]
        choices.append((FAMILY, "The whole family, or an adult"))
        self.fields["child"].choices = choices  # type: ignore[attr-defined]


class EventChangeForm(GovukForm):
    occurred_on = GovukDateField(
        label="Date", when="today_or_past", error_label="date", hint=DATE_HINT
    )
    attended = GovukRadiosField(
        label="A meeting: did the service attend?",
        choices=[*YES_NO, (NOT_A_MEETING, "It is not a meeting")],
        error_messages={"required": "Select yes if the service attended the meeting"},
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        error_label="the notes",
    )


class AlertForm(GovukForm):
    raised_on = GovukDateField(
        label="Date raised", when="today_or_past", error_label="date raised", hint=DATE_HINT
    )
    concern = GovukTextareaField(
        label="What is the concern?",
        rows=4,
        max_length=CONCERN_MAX_LENGTH,
        error_label="the concern",
        error_messages={"required": "Enter the concern"},
    )


class AlertOutcomeForm(GovukForm):
    substantiation = GovukRadiosField(
        label="Was the concern substantiated?",
        choices=Substantiation.choices,
        error_messages={"required": "Select whether the concern was substantiated"},
    )
    referred_on = _date(
        "Date referred to adult safeguarding",
        "date referred to adult safeguarding",
        hint=f"Leave empty if not referred. {DATE_HINT}",
    )
    harm_relationship = GovukRadiosField(
        label="Who is causing the harm, to the adult at risk?",
        choices=[*HarmRelationship.choices, (NOT_KNOWN, "Not known")],
        error_messages={"required": "Select who is causing the harm, or not known"},
    )


class NewAlertForm(AlertForm, AlertOutcomeForm):
    """Raise an alert with what is known of its outcome already."""

    field_order = ["raised_on", "concern", "substantiation", "referred_on", "harm_relationship"]


class ThinkFamilyForm(GovukForm):
    # seed 004 s6.5: the questions considered "during every service user contact"
    asked_on = GovukDateField(
        label="Date asked", when="today_or_past", error_label="date asked", hint=DATE_HINT
    )
    impact_on_family = GovukTextareaField(
        label="How are the survivor's needs and behaviour affecting other members of the family? (optional)",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        error_label="the answer",
    )
    children_in_family = _yes_no(
        "Are there any children in the family?", "Select yes if there are children"
    )
    contact_with_children = GovukTextareaField(
        label="What kind of contact does the survivor have with them? (optional)",
        required=False,
        rows=2,
        max_length=NOTES_MAX_LENGTH,
        error_label="the answer",
    )
    parenting_support_needed = _yes_no(
        "Does the survivor need support in their parenting role?",
        "Select yes if they need parenting support",
    )
    young_carer = _yes_no("Is a child a young carer?", "Select yes if a child is a young carer")
    care_provided = GovukTextareaField(
        label="What kind of care are they providing? (optional)",
        required=False,
        rows=2,
        max_length=NOTES_MAX_LENGTH,
        error_label="the answer",
    )
    young_carer_referral = GovukRadiosField(
        label="Referral to the young carers service for a young carers assessment",
        choices=CarerReferral.choices,
        error_messages={"required": "Select whether a referral was offered"},
    )
    vulnerable_adult = _yes_no(
        "Is there a vulnerable adult?", "Select yes if there is a vulnerable adult"
    )
    adult_carer = _yes_no("Is an adult in the family a carer?", "Select yes if an adult is a carer")
    adult_carer_referral = GovukRadiosField(
        label="Referral to the carers service for a carers assessment",
        choices=CarerReferral.choices,
        error_messages={"required": "Select whether a referral was offered"},
    )
    family_offered_support = _yes_no(
        "Have the other members of the family been offered an assessment or support?",
        "Select yes if they have been offered an assessment or support",
    )
    whole_family_help = GovukTextareaField(
        label="What can be done to help the whole family, and which other services are needed? (optional)",
        required=False,
        rows=3,
        max_length=NOTES_MAX_LENGTH,
        error_label="the answer",
    )
