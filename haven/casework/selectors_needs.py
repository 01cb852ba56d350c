"""Reads for the needs assessment pages: the open needs-assessment deadline a new assessment
meets, and the latest level of need per area for the case page."""

from __future__ import annotations

from dataclasses import dataclass

from haven.casework.models import (
    Case,
    NeedsAssessment,
    NeedsAssessmentArea,
    NeedsLevel,
    Task,
    TaskStatus,
)
from haven.casework.services.needs_area_levels import needs_areas


@dataclass(frozen=True)
class NeedsRow:
    """One area's latest level on the case page (typed, no HTML)."""

    label: str
    level: str
    notes: str


def open_needs_assessment_task(case: Case) -> Task | None:
    """The earliest-due open needs-assessment deadline of the case (a new assessment meets it)."""
    return (
        Task.objects.filter(
            case=case, action="needs_assessment", status=TaskStatus.OPEN, completed_at=None
        )
        .order_by("due_at")
        .first()
    )


def latest_needs(case: Case) -> tuple[NeedsAssessment | None, list[NeedsRow]]:
    """The latest assessment that scored areas, and its levels in the profile's area order."""
    assessment = (
        NeedsAssessment.objects.filter(case=case, areas__isnull=False)
        .distinct()
        .order_by("-assessed_at")
        .first()
    )
    if assessment is None:
        return None, []
    rows = {row.area: row for row in NeedsAssessmentArea.objects.filter(assessment=assessment)}
    return assessment, [
        NeedsRow(area.label, NeedsLevel(rows[area.key].level).label, rows[area.key].notes)
        for area in needs_areas(case)
        if area.key in rows
    ]
