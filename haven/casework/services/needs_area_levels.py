"""A needs assessment with a level of need per area the contract's profile defines (seed 002
s3.9: nine areas, reported as s7's distance travelled); it completes the needs-assessment task
it was recorded for."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import (
    Case,
    CaseState,
    NeedsAssessment,
    NeedsAssessmentArea,
    NeedsLevel,
    NeedsStage,
    Task,
)
from haven.casework.services.needs_assessments import needs_assessment_write
from haven.casework.services.tasks import opened_minute, task_complete, task_done_refusal
from haven.contracts.profiles.sections import NeedsAreaSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import refuse, text_problem

SUMMARY_MAX_LENGTH = 1000
AREA_NOTES_MAX_LENGTH = 1000
LEVELS = {level.value for level in NeedsLevel}


def needs_areas(case: Case) -> list[NeedsAreaSpec]:
    """The areas the case's contract scores, in the profile's order (none: no areas)."""
    try:
        spec = profile_of(case.contract).needs_assessment
    except ValueError:
        return []
    return list(spec.areas) if spec else []


def level_field(area: str) -> str:
    return f"level_{area}"


def notes_field(area: str) -> str:
    return f"notes_{area}"


def area_level_problems(
    areas: list[NeedsAreaSpec], levels: Mapping[str, int], notes: Mapping[str, str]
) -> dict[str, str | None]:
    """A problem per form field: every area needs a level on the scale; no unknown area."""
    keys = {area.key for area in areas}
    problems: dict[str, str | None] = {}
    for area in areas:
        if levels.get(area.key) not in LEVELS:
            problems[level_field(area.key)] = f"Select the level of need for {area.label.lower()}"
        problems[notes_field(area.key)] = text_problem(
            notes.get(area.key, ""), subject="Notes", limit=AREA_NOTES_MAX_LENGTH
        )
    unknown = sorted((set(levels) | set(notes)) - keys)
    if unknown:
        problems[NON_FIELD_ERRORS] = "The contract's needs assessment has no such area"
    return problems


def needs_area_levels_write(
    *,
    assessment: NeedsAssessment,
    actor: User,
    levels: Mapping[str, int],
    notes: Mapping[str, str],
) -> list[NeedsAssessmentArea]:
    """The area rows of a checked assessment, and their audit (levels only, not notes)."""
    rows = NeedsAssessmentArea.objects.bulk_create(
        NeedsAssessmentArea(
            assessment=assessment,
            area=area,
            level=level,
            notes=notes.get(area, "").strip(),
        )
        for area, level in levels.items()
    )
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=assessment,
        changes={"levels": [None, dict(levels)]},
    )
    return rows


@transaction.atomic
def needs_assessment_record(
    *,
    case: Case,
    recorded_by: User,
    assessed_at: datetime,
    stage: NeedsStage | str,
    levels: Mapping[str, int],
    notes: Mapping[str, str],
    summary: str = "",
    task: Task | None = None,
) -> NeedsAssessment:
    """An initial, review or exit needs assessment with a level per profile area; refused on a
    closed case, in the future, before the case opened, for unknown areas or levels, or for a
    task that is not this case's open needs-assessment deadline (which it completes)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.state == CaseState.CLOSED:
        refuse({NON_FIELD_ERRORS: "The case is closed"})
    if task is not None:
        task = Task.objects.select_for_update().select_related("case").get(pk=task.pk)
    problems: dict[str, str | None] = {
        "stage": None if stage in NeedsStage.values else "Select which needs assessment this is",
        "assessed_at": _time_problem(case, assessed_at),
        "summary": text_problem(summary, subject="Summary", limit=SUMMARY_MAX_LENGTH),
        "task": _task_problem(case, task),
        **area_level_problems(needs_areas(case), levels, notes),
    }
    refuse(problems)
    if task is not None:
        task_complete(task=task, done_at=assessed_at, actor=recorded_by, how="recorded")
    assessment = needs_assessment_write(
        case=case,
        stage=NeedsStage(stage),
        assessed_at=assessed_at,
        actor=recorded_by,
        summary=summary.strip(),
        task=task,
    )
    needs_area_levels_write(assessment=assessment, actor=recorded_by, levels=levels, notes=notes)
    return assessment


def _time_problem(case: Case, at: datetime) -> str | None:
    if at > timezone.now():
        return "The assessment cannot be in the future"
    if at < opened_minute(case.opened_at):
        return "The assessment cannot be before the case opened"
    return None


def _task_problem(case: Case, task: Task | None) -> str | None:
    if task is None:
        return None
    if task.case_id != case.pk or task.action != "needs_assessment":
        return "This is not a needs assessment deadline of this case"
    return task_done_refusal(task)
