"""State change, allocation, restriction, break-glass reason and closure forms."""

from __future__ import annotations

from typing import Any

from haven.casework.exit_models import PLANNED_REASONS
from haven.casework.forms.waiting_list import add_waiting_fields
from haven.casework.models import CaseState, ExitReason, ExitType, NotContactableReason
from haven.casework.selectors import AllocationChoice
from haven.casework.services.closure import ExitRequirement
from haven.contracts.citations import cite
from haven.govuk.forms import (
    GovukForm,
    GovukModelSelectField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
)
from haven.validators import REASON_MAX_LENGTH


class StateChangeForm(GovukForm):
    to_state = GovukRadiosField(
        label="New state", error_messages={"required": "Select the new state"}
    )
    not_contactable_reason = GovukRadiosField(
        label="If the person could not be contacted, why not?",
        hint="Needed when the new state is ‘Not contactable’.",
        choices=NotContactableReason.choices,
        required=False,
    )
    reason = GovukTextareaField(
        label="Reason (optional)",
        error_label="the reason",
        required=False,
        rows=3,
        max_length=REASON_MAX_LENGTH,
    )

    def __init__(self, *args: Any, states: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [(s, CaseState(s).label) for s in states]  # type: ignore[attr-defined]
        if CaseState.NOT_CONTACTABLE not in states:
            del self.fields["not_contactable_reason"]
        if CaseState.WAITING_LIST in states:
            add_waiting_fields(self)  # seed 003 s13: why the person waits


OTHER = "other"
OTHER_LABEL = "Someone else, or a team: choose from the full list"


class AllocationForm(GovukForm):
    """One choice of a valid pair: a team, or a worker in their team (never a mismatch)."""

    allocation = GovukSelectField(
        label="Allocate to",
        required=False,
        hint="A worker is listed with each team they work in.",
    )

    def __init__(
        self,
        *args: Any,
        choices: list[AllocationChoice],
        suggested: list[tuple[str, str, str]] | None = None,
        labels: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        """`suggested`: (choice value, label, reasons) of the top suggestions, shown as radios
        above the full list (seed 002 Lot 1 s3.7: the team leader chooses); `labels` replace a
        choice's label in the list (with the worker's caseload)."""
        super().__init__(*args, **kwargs)
        self.by_value = {choice.value: choice for choice in choices}
        labels = labels or {}
        self.fields["allocation"].choices = [  # type: ignore[attr-defined]
            (c.value, labels.get(c.value, c.label)) for c in choices
        ]
        if suggested:
            self.fields["suggestion"] = GovukRadiosField(
                label="Suggested workers",
                hint="Ranked by risk, the person's preferences and equalities profile, "
                "specialisms, caseload and location. You choose.",
                choices=[*((value, label) for value, label, _ in suggested), (OTHER, OTHER_LABEL)],
                choice_hints={value: reasons for value, _, reasons in suggested},
                required=False,
                error_label="a suggested worker or someone else",
            )
            self.order_fields(["suggestion", "allocation"])

    def chosen(self) -> AllocationChoice:
        suggestion = self.cleaned_data.get("suggestion") or OTHER
        if suggestion != OTHER:
            return self.by_value[suggestion]
        return self.by_value[self.cleaned_data.get("allocation") or ""]


class RestrictionForm(GovukForm):
    restricted = GovukRadiosField(
        label="Who can open this case?",
        choices=[("yes", "Only named staff"), ("no", "Everyone who works on cases like it")],
        error_messages={"required": "Select who can open this case"},
    )
    reason = GovukTextareaField(
        label="Reason", rows=3, error_label="the reason", max_length=REASON_MAX_LENGTH
    )


class NamedStaffForm(GovukForm):
    user = GovukModelSelectField(
        queryset=None,
        label="Add a named member of staff",
        empty_label="Choose…",
        error_messages={"required": "Select a member of staff"},
    )

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = staff  # type: ignore[attr-defined]


class BreakGlassForm(GovukForm):
    reason = GovukTextareaField(
        label="Why do you need to open this restricted case?",
        rows=4,
        error_label="the reason",
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": "Enter why you need to open this restricted case"},
        hint="Your name, the time and your reason are recorded in the audit trail.",
    )


class CloseCaseForm(GovukForm):
    exit_type = GovukRadiosField(
        label="Type of exit",
        choices=ExitType.choices,
        error_messages={"required": "Select whether this is a planned or unplanned exit"},
    )
    exit_reason = GovukRadiosField(
        label="Why is the case ending?",
        hint="Choose a planned reason for a planned exit and an unplanned one for an unplanned exit.",
        choices=[
            (r.value, ("Planned: " if r in PLANNED_REASONS else "Unplanned: ") + r.label)
            for r in ExitReason
        ],
        error_messages={"required": "Select why the case is ending"},
    )
    not_contactable_reason = GovukRadiosField(
        label="If the person could not be contacted, why not?",
        hint="Needed when the reason is ‘Not contactable’ and none was recorded before.",
        choices=NotContactableReason.choices,
        required=False,
    )
    reason = GovukTextareaField(
        label="Reason for closing",
        hint="In your own words: what happened and what the person was told.",
        rows=4,
        max_length=REASON_MAX_LENGTH,
        error_messages={"required": "Enter the reason for closing the case"},
    )

    def __init__(
        self,
        *args: Any,
        requirements: list[ExitRequirement],
        profile: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.requirements = [r for r in requirements if not r.done]
        for requirement in self.requirements:
            self.fields[f"override_{requirement.key}"] = GovukTextareaField(
                label=f"{requirement.label} is not done: why close without it?",
                rows=2,
                error_label="the reason",
                max_length=REASON_MAX_LENGTH,
                error_messages={
                    "required": f"{requirement.label} is not done: do it first or give a reason"
                },
                hint=f"Required by the contract ({cite(requirement.citation, profile)})"
                if requirement.citation
                else None,
            )

    def overrides(self) -> dict[str, str]:
        return {
            r.key: str(self.cleaned_data.get(f"override_{r.key}") or "") for r in self.requirements
        }

    def override_fields(self) -> list[Any]:
        return [self[f"override_{r.key}"] for r in self.requirements]
