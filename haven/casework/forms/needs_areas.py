"""The level-of-need fields of a needs assessment: one radios group and optional notes per area
of the contract's profile (seed 002 s3.9), shared by the assessment and exit reassessment pages."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.casework.models import NeedsLevel
from haven.casework.services.needs_area_levels import (
    AREA_NOTES_MAX_LENGTH,
    level_field,
    notes_field,
)
from haven.contracts.profiles.sections import NeedsAreaSpec
from haven.govuk.forms import GovukTextareaField, GovukTypedRadiosField


def add_area_fields(form: forms.Form, areas: list[NeedsAreaSpec]) -> None:
    """A level (required) and notes (optional) for each area, in the profile's order."""
    for area in areas:
        form.fields[level_field(area.key)] = GovukTypedRadiosField(
            label=area.label,
            choices=[(str(level.value), level.label) for level in NeedsLevel],
            coerce=int,
            error_messages={"required": f"Select the level of need for {area.label.lower()}"},
        )
        form.fields[notes_field(area.key)] = GovukTextareaField(
            label=f"Notes on {area.label.lower()} (optional)",
            required=False,
            rows=2,
            max_length=AREA_NOTES_MAX_LENGTH,
            error_label=f"notes on {area.label.lower()}",
        )


def area_values(
    data: dict[str, Any], areas: list[NeedsAreaSpec]
) -> tuple[dict[str, int], dict[str, str]]:
    """(levels, notes) by area key, from a valid form's cleaned data."""
    levels = {area.key: data[level_field(area.key)] for area in areas}
    notes = {area.key: data[notes_field(area.key)] for area in areas}
    return levels, notes
