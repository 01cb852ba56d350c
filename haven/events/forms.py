"""Forms for events: plan or edit, record delivery and feedback, cancel, filter, import."""

from __future__ import annotations

from typing import Any

from haven.events.models import (
    Audience,
    EventKind,
    EventStatus,
    LocationType,
    PractitionerAgency,
)
from haven.events.services import (
    MAX_ATTENDED,
    MAX_DURATION_MINUTES,
    REASON_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    VENUE_MAX_LENGTH,
)
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukDateTimeField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.govuk.forms.file_upload import GovukFileField

WHEN_HINT = "For example, 27 3 2026 14 30. Use the 24-hour clock."
NO_NAMES = "Do not write anyone's name or anything that could identify a person."


def _count(label: str, *, required: bool = True, hint: str | None = None) -> GovukIntegerField:
    return GovukIntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=MAX_ATTENDED,
        hint=hint,
        classes="govuk-input--width-5",
    )


class EventForm(GovukForm):
    contracts = GovukCheckboxesField(
        label="Which contracts is it delivered under?", choices=[], error_label="a contract"
    )
    kind = GovukRadiosField(
        label="What kind of event is it?", choices=EventKind.choices, error_label="the kind"
    )
    title = GovukTextField(label="Title", max_length=TITLE_MAX_LENGTH)
    starts_at = GovukDateTimeField(
        label="When does it start?", error_label="the date and time it starts", hint=WHEN_HINT
    )
    duration_minutes = GovukIntegerField(
        label="How long is it, in minutes?",
        error_label="how long it is",
        min_value=1,
        max_value=MAX_DURATION_MINUTES,
        classes="govuk-input--width-5",
    )
    venue = GovukTextField(
        label="Venue", max_length=VENUE_MAX_LENGTH, hint="For example, Highfields Community Centre"
    )
    location_type = GovukSelectField(
        label="Type of location",
        choices=[("", "Choose a type"), *LocationType.choices],
        error_messages={"required": "Select the type of location"},
    )
    audience = GovukRadiosField(
        label="Who is it for?", choices=Audience.choices, error_label="who it is for"
    )
    facilitators = GovukCheckboxesField(label="Facilitators (optional)", choices=[], required=False)
    materials = GovukTextareaField(
        label="Materials (optional)",
        required=False,
        rows=3,
        max_length=TEXT_MAX_LENGTH,
        hint="For example, the Respect healthy relationships slides, leaflets",
    )

    def __init__(
        self, *args: Any, contracts: list[Any], facilitators: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contracts"].choices = [(str(c.pk), c.name) for c in contracts]  # type: ignore[attr-defined]
        self.fields["facilitators"].choices = [  # type: ignore[attr-defined]
            (str(u.pk), u.full_name or u.email) for u in facilitators
        ]


class DeliveryForm(GovukForm):
    attended = _count("How many attended?")
    materials = GovukTextareaField(
        label="Materials used (optional)", required=False, rows=3, max_length=TEXT_MAX_LENGTH
    )
    feedback_forms = _count("How many feedback forms were returned?", required=False)
    awareness_increased = _count(
        "How many said their awareness or knowledge of domestic abuse increased?", required=False
    )
    more_confident = _count("How many said they feel more confident to act?", required=False)
    feedback_themes = GovukTextareaField(
        label="Themes of the feedback (optional)",
        required=False,
        rows=4,
        max_length=TEXT_MAX_LENGTH,
        hint=NO_NAMES,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for agency, label in PractitionerAgency.choices:
            self.fields[f"agency_{agency}"] = _count(f"{label} (optional)", required=False)

    def by_agency(self) -> dict[str, int]:
        data = self.cleaned_data
        return {
            agency: data[f"agency_{agency}"]
            for agency in PractitionerAgency.values
            if data.get(f"agency_{agency}")
        }

    def agency_fields(self) -> list[Any]:
        return [self[f"agency_{agency}"] for agency in PractitionerAgency.values]

    def main_fields(self) -> list[Any]:
        return [self[name] for name in ("attended", "materials")]

    def feedback_fields(self) -> list[Any]:
        names = ("feedback_forms", "awareness_increased", "more_confident", "feedback_themes")
        return [self[name] for name in names]


class CancelForm(GovukForm):
    reason = GovukTextField(
        label="Why was it cancelled?",
        error_label="why it was cancelled",
        max_length=REASON_MAX_LENGTH,
    )


class FilterForm(GovukForm):
    contract = GovukSelectField(label="Contract", choices=[], required=False)
    kind = GovukSelectField(
        label="Kind", choices=[("", "Any kind"), *EventKind.choices], required=False
    )
    location_type = GovukSelectField(
        label="Type of location", choices=[("", "Any"), *LocationType.choices], required=False
    )
    status = GovukSelectField(
        label="Status", choices=[("", "Any"), *EventStatus.choices], required=False
    )
    start = GovukDateField(label="From (optional)", required=False, hint="For example, 1 4 2026")
    end = GovukDateField(label="To (optional)", required=False, hint="For example, 30 6 2026")

    def __init__(self, *args: Any, contracts: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contract"].choices = [  # type: ignore[attr-defined]
            ("", "Any contract"),
            *((str(c.pk), c.name) for c in contracts),
        ]


class ImportForm(GovukForm):
    file = GovukFileField(
        label="CSV file of past events",
        hint=(
            "One row per event with the columns reference, contracts (slugs separated by ;), "
            "kind, title, date (2025-03-27), start_time (14:30), duration_minutes, venue, "
            "location_type, audience, status, cancelled_reason, attended, feedback_forms, "
            "awareness_increased, more_confident, feedback_themes, materials. "
            "A reference already imported is skipped."
        ),
        error_messages={"required": "Choose a CSV file"},
    )
