"""Restorative justice forms: the referral and the next step, GOV.UK fields; the rules are the
service's (seed 002 s3.10), whose refusals land on these fields."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukModelSelectField,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.restorative.models import ContactType, Outcome, SensitiveOffence, Stage, VictimView
from haven.restorative.services import TEXT_LIMIT

YES_NO = [("yes", "Yes"), ("no", "No")]


class ReferralForm(GovukForm):
    victim_requested = GovukRadiosField(
        label="Did the victim ask for restorative justice themselves?",
        hint="Restorative contact must be victim-initiated",
        choices=YES_NO,
        error_messages={"required": "Select whether the victim asked for it"},
    )
    requested_on = GovukDateField(
        label="When did the victim ask?",
        when="today_or_past",
        error_label="the date the victim asked",
        hint="For example, 27 3 2026",
    )
    offender_admitted = GovukRadiosField(
        label="Has the offender admitted guilt and accepted responsibility for the harm?",
        choices=YES_NO,
        error_messages={"required": "Select whether the offender has admitted guilt"},
    )
    contact_type = GovukRadiosField(
        label="What kind of restorative contact?",
        choices=ContactType.choices,
        error_messages={"required": "Select direct or indirect contact"},
    )
    sensitive_offence = GovukRadiosField(
        label="Is the offence one of these?",
        hint="For these, restorative justice takes place only in exceptional circumstances",
        choices=SensitiveOffence.choices,
        error_messages={"required": "Select the offence, or none of these"},
    )
    exceptional_justification = GovukTextareaField(
        label="Exceptional circumstances (needed for the offences above)",
        hint="The clear benefit to the victim, and why it will not cause harm to anyone taking part",
        required=False,
        rows=4,
        max_length=TEXT_LIMIT,
        error_label="the justification",
    )
    facilitator = GovukModelSelectField(
        label="Facilitator",
        queryset=None,
        empty_label="Choose the facilitator",
        error_messages={"required": "Select the facilitator"},
    )
    facilitator_experienced = GovukRadiosField(
        label="Is the facilitator experienced and skilled in cases of this kind?",
        hint="Needed for the offences above",
        choices=YES_NO,
        required=False,
    )

    def __init__(self, *args: Any, facilitators: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitator"].queryset = facilitators  # type: ignore[attr-defined]


class StepForm(GovukForm):
    to = GovukRadiosField(
        label="What has happened?",
        choices=[],
        error_messages={"required": "Select what has happened"},
    )
    note = GovukTextareaField(
        label="Note",
        hint="The risk assessment and suitability decision, or why it ended, or how it went",
        required=False,
        rows=4,
        max_length=TEXT_LIMIT,
        error_label="the note",
    )
    held_on = GovukDateField(
        label="When was it held? (for a conference or indirect process held)",
        when="today_or_past",
        required=False,
        error_label="the date it was held",
        hint="For example, 27 3 2026",
    )
    outcome = GovukRadiosField(
        label="Outcome (when closing)", choices=Outcome.choices, required=False
    )
    victim_view = GovukRadiosField(
        label="What did the victim think of it? (when closing)",
        choices=VictimView.choices,
        required=False,
    )

    def __init__(self, *args: Any, next_stages: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [(s, Stage(s).label) for s in next_stages]  # type: ignore[attr-defined]
        if Stage.HELD not in next_stages:
            del self.fields["held_on"]
        if Stage.CLOSED not in next_stages:
            del self.fields["outcome"]
            del self.fields["victim_view"]
