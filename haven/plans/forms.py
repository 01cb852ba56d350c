"""Support plan, goal, action, review and safety plan forms, with GOV.UK errors on the fields.
The services check everything again; these give the errors on the boxes that were typed in."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukDateTimeField,
    GovukForm,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
    GovukTextField,
)
from haven.plans.models import SAFETY_SECTIONS, ActionOwner, ActionStatus
from haven.plans.services import AGENCY_MAX_LENGTH, AREA_MAX_LENGTH, TEXT_MAX_LENGTH

GOAL_ROWS = 3
DATE_HINT = "For example, 27 3 2027"
REINTEGRATION = [
    ("yes", "This goal is a return to universal services (school, nursery, health, youth services)")
]


def _area_field(areas: list[tuple[str, str]], *, label: str, required: bool) -> forms.Field:
    if areas:
        return GovukSelectField(
            label=label,
            required=required,
            choices=[("", "Select a need area"), *areas],
            error_messages={"required": "Select the need area"},
        )
    return GovukTextField(
        label=label,
        required=required,
        max_length=AREA_MAX_LENGTH,
        hint="For example, housing",
        error_label="the need area",
        error_messages={"required": "Enter the need area"},
    )


def _goal_fields(areas: list[tuple[str, str]], suffix: str, *, required: bool) -> dict[str, Any]:
    number = f" {suffix.strip('_')}" if suffix else ""
    return {
        f"area{suffix}": _area_field(areas, label=f"Need area of goal{number}", required=required),
        f"goal{suffix}": GovukTextareaField(
            label=f"Goal{number}",
            required=required,
            rows=2,
            max_length=TEXT_MAX_LENGTH,
            error_label="the goal",
            error_messages={"required": "Enter the goal"},
        ),
        f"reintegration{suffix}": GovukCheckboxesField(
            label=f"Is goal{number} a return to universal services? (optional)",
            required=False,
            choices=REINTEGRATION,
        ),
    }


def _planned_date(label: str, hint: str = DATE_HINT) -> GovukDateField:
    return GovukDateField(label=label, required=False, hint=hint, error_label=label.lower())


class WithdrawalFields(GovukForm):
    """The planned gradual withdrawal (seed 003 s5) and the next review."""

    withdrawal_note = GovukTextareaField(
        label="Planned gradual withdrawal of support (optional)",
        hint="How support will reduce step by step as the goals are met",
        required=False,
        rows=3,
        max_length=TEXT_MAX_LENGTH,
        error_label="the planned withdrawal",
    )
    withdrawal_on = _planned_date("Planned end of support (optional)")
    next_review_on = _planned_date("Next review date (optional)")


class SupportPlanForm(ExitStepForm, WithdrawalFields):
    """Agree a support plan: for whom, when, up to three goals, withdrawal and next review."""

    moment_field = "agreed_at"
    moment_label = "Date and time the plan was agreed"

    person = GovukRadiosField(
        label="Who is the plan for?", error_messages={"required": "Select who the plan is for"}
    )
    agreed_at = GovukDateTimeField(
        label="When was the plan agreed?",
        when="past",
        error_label="date and time the plan was agreed",
        hint=WHEN_HINT,
    )

    field_order = ["person", "agreed_at"]

    def __init__(
        self,
        *args: Any,
        people: list[tuple[str, str]],
        areas: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = people  # type: ignore[attr-defined]
        for row in range(1, GOAL_ROWS + 1):
            self.fields.update(_goal_fields(areas, f"_{row}", required=row == 1))
        for name in ("withdrawal_note", "withdrawal_on", "next_review_on"):
            self.fields[name] = self.fields.pop(name)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for row in range(2, GOAL_ROWS + 1):
            area, goal = cleaned.get(f"area_{row}"), cleaned.get(f"goal_{row}")
            if area and not goal:
                self.add_error(f"goal_{row}", "Enter the goal, or leave its need area empty")
            elif goal and not area:
                self.add_error(f"area_{row}", "Enter the need area of this goal")
        return cleaned


class PlanChangeForm(WithdrawalFields):
    pass


class GoalForm(GovukForm):
    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.update(_goal_fields(areas, "", required=True))


class ActionForm(GovukForm):
    description = GovukTextareaField(
        label="What is to be done?",
        rows=3,
        max_length=TEXT_MAX_LENGTH,
        error_label="the action",
        error_messages={"required": "Enter the action"},
    )
    goal = GovukSelectField(label="Which goal is it for? (optional)", required=False)
    owner = GovukRadiosField(
        label="Who will do it?",
        choices=ActionOwner.choices,
        error_messages={"required": "Select who will do it"},
    )
    agency = GovukTextField(
        label="If another agency, which one?",
        required=False,
        max_length=AGENCY_MAX_LENGTH,
        error_label="the agency's name",
    )
    due_on = _planned_date("Due date (optional)")

    def __init__(self, *args: Any, goals: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", "Not one goal"), *goals]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("owner") == ActionOwner.AGENCY and not cleaned.get("agency"):
            self.add_error("agency", "Enter the agency's name")
        return cleaned


class ActionStatusForm(GovukForm):
    status = GovukRadiosField(
        label="How far has the action got?",
        choices=ActionStatus.choices,
        error_messages={"required": "Select the action's status"},
    )


class ReviewForm(ExitStepForm):
    """A plan review: when, what changed, each open action's status, the next review."""

    moment_field = "reviewed_at"
    moment_label = "Date and time of the review"

    reviewed_at = GovukDateTimeField(
        label="When was the plan reviewed?",
        when="past",
        error_label="date and time of the review",
        hint=WHEN_HINT,
    )
    what_changed = GovukTextareaField(
        label="What changed?",
        hint="Progress on the goals, new needs, anything the person asked to change",
        rows=4,
        max_length=TEXT_MAX_LENGTH,
        error_label="what changed",
        error_messages={"required": "Enter what changed"},
    )
    next_review_on = _planned_date("Next review date (optional)")

    def __init__(self, *args: Any, actions: list[tuple[str, str, str]], **kwargs: Any) -> None:
        """`actions`: (field name, action description, current status) of each open action."""
        initial = kwargs.setdefault("initial", {})
        for name, _, status in actions:
            initial.setdefault(name, status)
        super().__init__(*args, **kwargs)
        next_review = self.fields.pop("next_review_on")
        for name, description, _ in actions:
            self.fields[name] = GovukRadiosField(
                label=f"Action: {description}",
                choices=ActionStatus.choices,
                error_messages={"required": "Select the action's status"},
                classes="govuk-radios--small",
            )
        self.fields["next_review_on"] = next_review


class SafetyPlanForm(ExitStepForm):
    """A safety plan: for whom and when (on a new plan), each section, when last reviewed."""

    moment_field = "completed_at"
    moment_label = "Date and time of the plan"

    person = GovukRadiosField(
        label="Who is the safety plan for?",
        error_messages={"required": "Select who the safety plan is for"},
    )
    completed_at = GovukDateTimeField(
        label="When was the safety plan made?",
        when="past",
        error_label="date and time of the plan",
        hint=WHEN_HINT,
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if people is None:  # changing a plan: whom and when stay as they were
            del self.fields["person"], self.fields["completed_at"]
        else:
            self.fields["person"].choices = people  # type: ignore[attr-defined]
        for name, label in SAFETY_SECTIONS.items():
            self.fields[name] = GovukTextareaField(
                label=f"{label} (optional)",
                required=False,
                rows=3,
                max_length=TEXT_MAX_LENGTH,
                error_label=label.split(":")[0].lower(),
            )
        self.fields["reviewed_on"] = GovukDateField(
            label="Date last reviewed with the person (optional)",
            required=False,
            when="today_or_past",
            hint=DATE_HINT,
            error_label="date last reviewed",
        )

    def clean(self) -> dict[str, Any]:
        if "completed_at" not in self.fields:
            return super(ExitStepForm, self).clean() or {}
        return super().clean()
