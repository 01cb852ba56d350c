"""A needs assessment with a level of need per area of the contract's profile (seed 002 s3.9):
one radios group and optional notes per area, GOV.UK errors on each."""

from __future__ import annotations

from typing import Any

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.casework.forms.needs_areas import add_area_fields
from haven.casework.models import NeedsStage
from haven.casework.services.needs_area_levels import SUMMARY_MAX_LENGTH
from haven.contracts.profiles.sections import NeedsAreaSpec
from haven.govuk.forms import GovukDateTimeField, GovukRadiosField, GovukTextareaField

# initial or review: the exit reassessment has its own page (exit steps)
STAGES = [(NeedsStage.INITIAL.value, "Initial assessment"), (NeedsStage.REVIEW.value, "Review")]


class NeedsAssessmentForm(ExitStepForm):
    moment_field = "assessed_at"
    moment_label = "Date and time of the assessment"

    stage = GovukRadiosField(
        label="Which needs assessment is this?",
        choices=STAGES,
        error_messages={"required": "Select which needs assessment this is"},
    )
    assessed_at = GovukDateTimeField(
        label="When were the survivor’s needs assessed?",
        when="past",
        error_label="date and time of the assessment",
        hint=WHEN_HINT,
    )
    summary = GovukTextareaField(
        label="Summary (optional)",
        required=False,
        rows=3,
        max_length=SUMMARY_MAX_LENGTH,
        error_label="summary",
        hint="What matters most to the survivor now",
    )

    def __init__(self, *args: Any, areas: list[NeedsAreaSpec], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        add_area_fields(self, areas)
