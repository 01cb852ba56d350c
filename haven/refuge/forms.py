"""Forms for properties, rooms, voids and stays, with GOV.UK errors on the fields."""

from __future__ import annotations

from typing import Any

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
from haven.refuge.models import (
    Agreement,
    Destination,
    ExtensionReason,
    PropertyKind,
    Takes,
    VoidReason,
)
from haven.refuge.services import NAME_MAX_LENGTH, PLAN_MAX_LENGTH, ROOM_NAME_MAX_LENGTH

DATE_HINT = "For example, 27 3 2026"
WHEN_HINT = "For example, 27 3 2026 14 30. Use the 24-hour clock."
YES_NO = [("yes", "Yes"), ("no", "No")]


def yes(value: str) -> bool:
    return value == "yes"


class PropertyForm(GovukForm):
    organisation = GovukSelectField(
        label="Which provider?", choices=[], error_messages={"required": "Select the provider"}
    )
    name = GovukTextField(
        label="Name",
        max_length=NAME_MAX_LENGTH,
        hint="A name staff know it by. Never the address: refuge addresses are kept secret.",
        error_messages={"required": "Enter the name"},
    )
    kind = GovukRadiosField(
        label="What kind of property is it?",
        choices=PropertyKind.choices,
        error_messages={"required": "Select the kind of property"},
    )
    takes = GovukRadiosField(
        label="Whom does it take?",
        choices=Takes.choices,
        hint="The adult's sex; children of either sex come with them",
        error_messages={"required": "Select whom the property takes"},
    )
    area_label = GovukTextField(
        label="Area (optional)",
        required=False,
        max_length=NAME_MAX_LENGTH,
        hint="A district or town, for example Wokingham. Not the address.",
    )
    in_commissioner_area = GovukRadiosField(
        label="Is it in the commissioner's area?",
        choices=YES_NO,
        error_messages={"required": "Select whether it is in the commissioner's area"},
    )
    contracts = GovukCheckboxesField(
        label="Which services does it serve?",
        choices=[],
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        organisations: list[Any],
        contracts: list[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if len(organisations) <= 1:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].choices = [("", "Choose a provider")] + [  # type: ignore[attr-defined]
                (str(o.pk), o.name) for o in organisations
            ]
        self.fields["contracts"].choices = [(str(c.pk), c.name) for c in contracts]  # type: ignore[attr-defined]


class RoomForm(GovukForm):
    name = GovukTextField(
        label="Room name",
        max_length=ROOM_NAME_MAX_LENGTH,
        hint="For example, Room 1 or Flat B",
        error_messages={"required": "Enter the room name"},
    )
    bedrooms = GovukIntegerField(
        label="Number of bedrooms",
        min_value=1,
        max_value=20,
        error_label="number of bedrooms",
        error_messages={"required": "Enter the number of bedrooms"},
    )
    features = GovukCheckboxesField(
        label="What does the room offer?",
        choices=[
            ("accessible", "Accessible (step-free, adapted)"),
            ("pets_allowed", "Pets allowed"),
            ("children_allowed", "Children allowed"),
        ],
        required=False,
    )


class VoidForm(GovukForm):
    starts_on = GovukDateField(label="Out of use from", hint=DATE_HINT, error_label="start date")
    ends_on = GovukDateField(
        label="Back in use after (optional)",
        required=False,
        hint=f"Leave empty if not known. {DATE_HINT}",
        error_label="end date",
    )
    reason = GovukRadiosField(
        label="Why is it out of use?",
        choices=VoidReason.choices,
        error_messages={"required": "Select why the room is out of use"},
    )


class MoveInForm(GovukForm):
    room = GovukSelectField(
        label="Which room?", choices=[], error_messages={"required": "Select the room"}
    )
    moved_in_at = GovukDateTimeField(
        label="When did they move in?",
        when="today_or_past",
        error_label="date and time moved in",
        hint=f"The duties from moving in run from this time. {WHEN_HINT}",
    )
    agreement = GovukRadiosField(
        label="Which agreement was signed?",
        choices=Agreement.choices,
        error_messages={"required": "Select the agreement signed"},
    )
    agreement_signed_on = GovukDateField(
        label="When was it signed?",
        when="today_or_past",
        hint=DATE_HINT,
        error_label="date the agreement was signed",
    )
    household_members = GovukCheckboxesField(
        label="Who in the household is moving in with them?",
        choices=[],
        required=False,
        hint="Children and others in the person's household recorded on their record",
    )

    def __init__(self, *args: Any, rooms: list[Any], members: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].choices = [("", "Choose a room")] + [  # type: ignore[attr-defined]
            (str(r.pk), str(r)) for r in rooms
        ]
        if members:
            self.fields["household_members"].choices = [  # type: ignore[attr-defined]
                (str(m.pk), f"{m.reference_code} ({m.full_name})") for m in members
            ]
        else:
            del self.fields["household_members"]


class ExtensionForm(GovukForm):
    reason = GovukRadiosField(
        label="Why does the stay go past its limit?",
        choices=ExtensionReason.choices,
        error_messages={"required": "Select why the stay goes on"},
    )
    exit_plan = GovukTextareaField(
        label="Exit plan",
        rows=4,
        max_length=PLAN_MAX_LENGTH,
        error_messages={"required": "Enter the exit plan"},
    )
    review_timetable = GovukTextareaField(
        label="Review timetable",
        rows=3,
        max_length=PLAN_MAX_LENGTH,
        hint="When the stay will be reviewed, for example every 2 weeks",
        error_messages={"required": "Enter the review timetable"},
    )
    commissioner_notified_on = GovukDateField(
        label="When was the commissioner told?",
        when="today_or_past",
        hint=DATE_HINT,
        error_label="date the commissioner was told",
    )


class MoveOutForm(GovukForm):
    moved_out_at = GovukDateTimeField(
        label="When did they move out?",
        when="today_or_past",
        error_label="date and time moved out",
        hint=WHEN_HINT,
    )
    destination = GovukRadiosField(
        label="Where did the household go?",
        choices=Destination.choices,
        error_messages={"required": "Select where the household went"},
    )
    planned_exit = GovukRadiosField(
        label="Was it a planned move?",
        choices=YES_NO,
        error_messages={"required": "Select whether it was planned"},
    )
