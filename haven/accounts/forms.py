"""Forms for the Manage staff pages (administrators)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms

from haven.accounts.models import ImportAllocation, Specialism, Team, WorkerGender
from haven.accounts.roles import Role
from haven.accounts.staff_profiles import MAX_CAPACITY, clean_names, names_problem
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukEmailField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)

STAFF_ROLES = [
    (role.value, role.label)
    for role in Role
    if role not in {Role.COMMISSIONER, Role.PARTNER}  # partners: haven.partners' memberships
]


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


class StaffProfileForm(GovukForm):
    """A worker's profile (seed 002 Lot 1 s3.7): what a team leader weighs when allocating."""

    specialisms = GovukCheckboxesField(
        label="Specialisms (optional)",
        choices=Specialism.choices,
        required=False,
        error_label="specialisms",
    )
    languages = GovukTextareaField(
        label="Languages they work in (optional)",
        hint="One a line, for example English, Polish, Gujarati.",
        rows=3,
        max_length=1000,
        required=False,
        error_label="languages",
    )
    gender = GovukRadiosField(
        label="Gender (optional)",
        hint="Matched against a person's stated wish for a female or male worker.",
        choices=[("", "Not recorded"), *WorkerGender.choices],
        required=False,
        error_label="gender",
    )
    areas = GovukTextareaField(
        label="Areas covered (optional)",
        hint="One a line: towns, districts or local authorities, for example Leicester.",
        rows=3,
        max_length=1000,
        required=False,
        error_label="areas covered",
    )
    max_open_cases = GovukIntegerField(
        label="Maximum open cases (optional)",
        min_value=0,
        max_value=MAX_CAPACITY,
        required=False,
        error_label="maximum open cases",
        classes="govuk-input--width-4",
    )
    high_risk_per_year = GovukIntegerField(
        label="High-risk cases a year, for IDVAs (optional)",
        hint="IDVAs support caseloads of 80 to 100 high-risk victims a year (seed 001 s5).",
        min_value=0,
        max_value=MAX_CAPACITY,
        required=False,
        error_label="high-risk cases a year",
        classes="govuk-input--width-4",
    )

    def clean_languages(self) -> list[str]:
        names = clean_names(self.cleaned_data.get("languages") or "")
        problem = names_problem(names, subject="Languages")
        if problem:
            raise forms.ValidationError(problem)
        return names

    def clean_areas(self) -> list[str]:
        names = clean_names(self.cleaned_data.get("areas") or "")
        problem = names_problem(names, subject="Areas covered")
        if problem:
            raise forms.ValidationError(problem)
        return names


class TeamImportRuleForm(GovukForm):
    rule = GovukRadiosField(
        label="Cases from the police workbook import",
        choices=ImportAllocation.choices,
        error_label="how imported cases are allocated",
        choice_hints={
            ImportAllocation.QUEUE: "The team's leaders and caseworkers see it in the "
            "Unallocated queue until someone takes it.",
            ImportAllocation.SUGGESTED: "Haven allocates it to the worker its allocation "
            "suggestions rank first, and puts the reasons on the case's timeline.",
        },
    )
