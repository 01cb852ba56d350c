"""Forms for the Manage staff pages (administrators)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from haven.accounts.models import Team
from haven.accounts.roles import Role
from haven.govuk.forms import (
    GovukEmailField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)

STAFF_ROLES = [(role.value, role.label) for role in Role if role != Role.COMMISSIONER]


def place_choices(teams: Iterable[Team], organisations: Iterable[Any]) -> list[tuple[str, str]]:
    """Where a role applies: a team, or a whole organisation (managers, analysts, auditors)."""
    choices = [("", "Choose a team")]
    choices += [(f"team:{team.pk}", f"{team.name} ({team.organisation})") for team in teams]
    choices += [
        (f"organisation:{organisation.pk}", f"Whole organisation: {organisation}")
        for organisation in organisations
    ]
    return choices


class _PlaceMixin:
    """Turns the chosen place back into (organisation, team)."""

    cleaned_data: dict[str, Any]

    def setup_places(self, teams: list[Team], organisations: list[Any]) -> None:
        self._teams = {str(team.pk): team for team in teams}
        self._organisations = {str(org.pk): org for org in organisations}
        self.fields["place"].choices = place_choices(teams, organisations)  # type: ignore[attr-defined]

    def chosen_place(self) -> tuple[Any, Team | None]:
        kind, _, pk = self.cleaned_data["place"].partition(":")
        if kind == "team":
            team = self._teams[pk]
            return team.organisation, team
        return self._organisations[pk], None


class StaffInviteForm(_PlaceMixin, GovukForm):
    full_name = GovukTextField(label="Full name", max_length=150, autocomplete="off")
    email = GovukEmailField(
        label="Work email address",
        max_length=254,
        hint="They sign in with this address and get their set-up link there.",
    )
    role = GovukRadiosField(label="Role", choices=STAFF_ROLES)
    place = GovukSelectField(label="Team", choices=[], error_label="a team")

    def __init__(self, *args: Any, teams: list[Team], organisations: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.setup_places(teams, organisations)


class StaffDetailsForm(GovukForm):
    full_name = GovukTextField(label="Full name", max_length=150, autocomplete="off")
    email = GovukEmailField(
        label="Work email address", max_length=254, hint="They sign in with this address."
    )


class RoleAddForm(_PlaceMixin, GovukForm):
    role = GovukRadiosField(label="Role", choices=STAFF_ROLES)
    place = GovukSelectField(label="Team", choices=[], error_label="a team")

    def __init__(self, *args: Any, teams: list[Team], organisations: list[Any], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.setup_places(teams, organisations)


class ReasonForm(GovukForm):
    reason = GovukTextareaField(
        label="Reason", rows=3, max_length=500, error_label="the reason", hint="This is audited."
    )


class TeamMoveForm(ReasonForm):
    team = forms.CharField()  # replaced in __init__

    field_order = ["team", "reason"]

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._teams = {str(team.pk): team for team in teams}
        self.fields["team"] = GovukSelectField(
            label="New team",
            choices=[("", "Choose a team")] + [(str(t.pk), t.name) for t in teams],
            error_label="a team",
        )
        self.order_fields(self.field_order)

    def chosen_team(self) -> Team:
        return self._teams[self.cleaned_data["team"]]
