"""Forms of groups and programmes: GOV.UK fields; the services check ranges and states and their
refusals land back on these fields (`saved_by`)."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.programmes.models import (
    AttendanceMark,
    DropOutReason,
    Enrolment,
    PreGroupContactMethod,
    ProgrammeKind,
)
from haven.programmes.services import DETAIL_MAX, NAME_MAX, VENUE_MAX
from haven.programmes.services_liaison import NOTES_MAX
from haven.programmes.services_sessions import TOPIC_MAX, mark_field

YES_NO = [("yes", "Yes"), ("no", "No")]
DAY_HINT = "For example, 27 3 2026"


def _day(label: str, error_label: str) -> GovukDateField:
    return GovukDateField(label=label, when="today_or_past", error_label=error_label, hint=DAY_HINT)


class ProgrammeForm(GovukForm):
    contract = GovukRadiosField(
        label="Which service runs it?",
        choices=[],
        error_messages={"required": "Select the service"},
    )
    kind = GovukRadiosField(
        label="What kind of programme is it?",
        choices=ProgrammeKind.choices,
        error_messages={"required": "Select the kind of programme"},
    )
    name = GovukTextField(label="Name", max_length=NAME_MAX)
    min_weeks = GovukIntegerField(
        label="Minimum weeks to complete (optional)",
        required=False,
        error_label="minimum weeks",
        hint="A perpetrator programme runs at least 26 weeks (26 if left blank)",
        classes="govuk-input--width-3",
    )
    min_sessions = GovukIntegerField(
        label="Minimum sessions attended to complete (optional)",
        required=False,
        error_label="minimum sessions",
        classes="govuk-input--width-3",
    )

    def __init__(self, *args: Any, contracts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [(str(c.pk), c.name) for c in contracts]  # type: ignore[attr-defined]


class RunForm(GovukForm):
    name = GovukTextField(label="Name of the group", hint="For example, Spring 2026 evening group")
    starts_on = GovukDateField(label="Start date", error_label="start date", hint=DAY_HINT)
    planned_end_on = GovukDateField(
        label="Planned end date", error_label="planned end date", hint=DAY_HINT
    )
    venue = GovukTextField(label="Venue (optional)", required=False, max_length=VENUE_MAX)
    facilitators = GovukCheckboxesField(
        label="Facilitators",
        choices=[],
        error_messages={"required": "Select at least one facilitator"},
    )

    def __init__(self, *args: Any, staff: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["facilitators"].choices = [(str(u.pk), str(u)) for u in staff]  # type: ignore[attr-defined]


class SessionForm(GovukForm):
    """A session and, for a group session, the whole register: one mark per person."""

    held_on = _day("Date of the session", "date of the session")
    duration_minutes = GovukIntegerField(
        label="Length in minutes", error_label="length in minutes", classes="govuk-input--width-4"
    )
    topic = GovukTextField(label="Topic (optional)", required=False, max_length=TOPIC_MAX)

    def __init__(self, *args: Any, register: list[Enrolment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for enrolment in register:
            code = enrolment.case.person.reference_code
            hint = (
                None if enrolment.status == "started" else "Not started yet: attending starts them"
            )
            self.fields[mark_field(enrolment.pk)] = GovukRadiosField(
                label=f"{code}",
                choices=AttendanceMark.choices,
                required=False,
                hint=hint,
                classes="govuk-radios--inline govuk-radios--small",
                error_label=f"whether {code} attended",
            )
        self.register = register

    def marks(self) -> dict[Any, str]:
        return {e.pk: self.cleaned_data.get(mark_field(e.pk)) or "" for e in self.register}


class PreGroupContactForm(GovukForm):
    contacted_on = _day("Date of contact", "date of contact")
    method = GovukRadiosField(
        label="How was the contact made?",
        choices=PreGroupContactMethod.choices,
        error_messages={"required": "Select how the contact was made"},
    )


class AssessmentForm(GovukForm):
    assessed_on = _day("Date of the pre-group assessment", "date of assessment")
    suitable = GovukRadiosField(
        label="Are they suitable for the group?",
        choices=YES_NO,
        error_messages={"required": "Select whether they are suitable"},
    )


class CompletionForm(GovukForm):
    completed_on = _day("Date completed", "completion date")


class DropOutForm(GovukForm):
    ended_on = _day("Date they left", "date they left")
    reason = GovukRadiosField(
        label="Why did they leave?",
        choices=DropOutReason.choices,
        error_messages={"required": "Select why they left"},
    )
    detail = GovukTextareaField(
        label="Detail (needed for other)",
        required=False,
        rows=2,
        max_length=DETAIL_MAX,
        error_label="the detail",
    )


class CrecheForm(GovukForm):
    held_on = _day("Date of the crèche", "date of the crèche")
    duration_minutes = GovukIntegerField(
        label="Length in minutes", error_label="length in minutes", classes="govuk-input--width-4"
    )
    children_count = GovukIntegerField(
        label="Number of children", error_label="number of children", classes="govuk-input--width-3"
    )
    venue = GovukTextField(label="Venue (optional)", required=False, max_length=VENUE_MAX)


class EnrolForm(GovukForm):
    run = GovukRadiosField(
        label="Which group?", choices=[], error_messages={"required": "Select the group"}
    )
    offered_on = _day("Date the place was offered", "date offered")

    def __init__(self, *args: Any, runs: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["run"].choices = [  # type: ignore[attr-defined]
            (str(r.pk), f"{r.programme.name}: {r.name} (from {r.starts_on:%-d %B %Y})")
            for r in runs
        ]


class LiaisonStartForm(GovukForm):
    perpetrator_reference = GovukTextField(
        label="The perpetrator's reference code",
        hint="The code the perpetrator programme gave you",
        max_length=10,
        classes="govuk-input--width-10",
        error_label="the perpetrator's reference code",
    )
    started_on = _day("Date liaison started", "date liaison started")


class PartnerContactForm(GovukForm):
    contacted_on = _day("Date of contact", "date of contact")
    method = GovukRadiosField(
        label="How was the contact made?",
        choices=PreGroupContactMethod.choices,
        error_messages={"required": "Select how the contact was made"},
    )
    risk_concern_raised = GovukRadiosField(
        label="Did the contact raise a risk concern?",
        choices=YES_NO,
        hint="The perpetrator programme sees only that a concern was raised, never what it was",
        error_messages={"required": "Select whether a risk concern was raised"},
    )
    notes = GovukTextareaField(
        label="Notes (optional)",
        required=False,
        rows=4,
        max_length=NOTES_MAX,
        hint="Kept on this case only",
        error_label="the notes",
    )
