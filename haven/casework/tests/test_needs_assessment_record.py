"""`needs_assessment_record`: a needs assessment with a level of need per area of the profile
(Victim First's nine areas, seed 002 s3.9), audited, on the timeline, completing its task."""

import datetime as dt

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from haven.casework.models import (
    CaseEvent,
    CaseState,
    NeedsAssessment,
    NeedsAssessmentArea,
    NeedsLevel,
    NeedsStage,
    TaskStatus,
)
from haven.casework.services import needs_areas, needs_assessment_record
from haven.casework.tests.exit_fixtures import a_moment_ago, opened_days_ago
from haven.core.models import AuditEvent
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db

# seed 002 s3.9: the nine areas of Victim First's needs assessment
NINE_AREAS = [
    "personal_safety",
    "mental_health",
    "accommodation",
    "drugs_alcohol",
    "family",
    "education_employment",
    "finance",
    "outlook",
    "social_interactions",
]


def all_levels(level=NeedsLevel.MEDIUM, **overrides):
    return dict.fromkeys(NINE_AREAS, level) | overrides


def record(case, user, **fields):
    values = {
        "case": case,
        "recorded_by": user,
        "assessed_at": a_moment_ago(),
        "stage": NeedsStage.INITIAL,
        "levels": all_levels(),
        "notes": {},
        "summary": "",
    }
    return needs_assessment_record(**(values | fields))


def refusal(case, user, **fields):
    with pytest.raises(ValidationError) as refused:
        record(case, user, **fields)
    return refused.value.message_dict


def test_victim_first_scores_the_nine_areas_of_seed_002_s39(victim_first_case):
    assert [area.key for area in needs_areas(victim_first_case)] == NINE_AREAS


def test_it_records_a_level_per_area_with_notes_audit_and_timeline(victim_first_case, personas):
    assessment = record(
        victim_first_case,
        personas.caseworker,
        levels=all_levels(accommodation=NeedsLevel.HIGH),
        notes={"accommodation": "Sofa-surfing with a friend"},
        summary="Housing first",
    )
    rows = {row.area: row for row in NeedsAssessmentArea.objects.filter(assessment=assessment)}
    assert set(rows) == set(NINE_AREAS)
    assert rows["accommodation"].level == NeedsLevel.HIGH
    assert rows["accommodation"].notes == "Sofa-surfing with a friend"
    assert rows["family"].level == NeedsLevel.MEDIUM
    assert (assessment.stage, assessment.summary) == (NeedsStage.INITIAL, "Housing first")
    assert CaseEvent.objects.filter(case=victim_first_case, kind="needs_assessment").count() == 1
    audit = AuditEvent.objects.get(object_id=str(assessment.pk), action="update")
    assert audit.changes["levels"][1]["accommodation"] == NeedsLevel.HIGH
    assert "notes" not in audit.changes


def test_it_completes_the_needs_assessment_task_without_a_second_assessment(
    victim_first_case, personas
):
    task = TaskFactory(
        case=victim_first_case,
        action="needs_assessment",
        rule_key="needs_assessment",
        label="Needs assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    assessment = record(victim_first_case, personas.caseworker, task=task)
    task.refresh_from_db()
    assert task.status == TaskStatus.MET
    assert (assessment.task, assessment.rule_key) == (task, "needs_assessment")
    assert NeedsAssessment.objects.count() == 1


def test_a_task_already_done_is_refused(victim_first_case, personas):
    task = TaskFactory(
        case=victim_first_case,
        action="needs_assessment",
        rule_key="needs_assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
        completed_at=timezone.now(),
        status=TaskStatus.MET,
    )
    assert "task" in refusal(victim_first_case, personas.caseworker, task=task)
    assert not NeedsAssessment.objects.exists()


def test_an_area_without_a_level_or_with_an_unknown_level_is_refused_per_field(
    victim_first_case, personas
):
    levels = all_levels(finance=7)
    del levels["family"]
    problems = refusal(victim_first_case, personas.caseworker, levels=levels)
    assert set(problems) == {"level_finance", "level_family"}
    assert not NeedsAssessment.objects.exists()


def test_an_area_the_profile_does_not_define_is_refused(victim_first_case, personas):
    problems = refusal(victim_first_case, personas.caseworker, levels=all_levels(hobbies=1))
    assert NON_FIELD_ERRORS in problems


def test_a_profile_without_areas_takes_no_levels(open_case, contract_for, personas):
    case = opened_days_ago(open_case(contract_for("wokingham-da-2017")))
    assert needs_areas(case) == []
    assessment = record(case, personas.caseworker, levels={})
    assert not assessment.areas.exists()
    assert NON_FIELD_ERRORS in refusal(case, personas.caseworker, levels={"family": 1})


def test_a_future_time_and_a_closed_case_are_refused(victim_first_case, personas):
    future = timezone.now() + dt.timedelta(hours=1)
    assert "assessed_at" in refusal(victim_first_case, personas.caseworker, assessed_at=future)
    victim_first_case.state = CaseState.CLOSED
    victim_first_case.save()
    assert NON_FIELD_ERRORS in refusal(victim_first_case, personas.caseworker)
    assert not NeedsAssessment.objects.exists()
