"""`needs_reassessment_record`: the needs assessment repeated before closure (seed 002 s3.9) is a
NeedsAssessment row at the exit stage, audited, with a timeline entry pointing at it."""

import pytest

from haven.casework.models import CaseEvent, CaseState, NeedsAssessment, NeedsStage
from haven.casework.services import (
    ExitStepRefusedError,
    needs_areas,
    needs_reassessment_record,
)
from haven.casework.tests.exit_fixtures import a_moment_ago
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_it_records_an_exit_stage_needs_assessment(refuge_case, personas):
    at = a_moment_ago()
    assessment = needs_reassessment_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        assessed_at=at,
        summary="Housing settled; still wants counselling",
    )
    assessment.refresh_from_db()
    assert (assessment.stage, assessment.assessed_at) == (NeedsStage.EXIT, at)
    assert assessment.summary == "Housing settled; still wants counselling"
    assert (assessment.rule_key, assessment.task) == ("", None)
    event = CaseEvent.objects.get(case=refuge_case, kind="needs_assessment")
    assert (event.object_type, event.object_id) == ("casework.needsassessment", str(assessment.pk))
    assert event.summary == "Needs reassessed before closure (distance travelled)"
    audit = AuditEvent.objects.get(object_id=str(assessment.pk), action="create")
    assert audit.changes["stage"] == [None, "exit"]
    assert "summary" not in audit.changes


@pytest.mark.parametrize("summary", [" ", "x" * 1001])
def test_an_empty_or_too_long_summary_is_refused(refuge_case, personas, summary):
    with pytest.raises(ExitStepRefusedError) as refused:
        needs_reassessment_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            assessed_at=a_moment_ago(),
            summary=summary,
        )
    assert refused.value.field == "summary"
    assert not NeedsAssessment.objects.exists()


def test_a_closed_case_takes_no_reassessment(refuge_case, personas):
    refuge_case.state = CaseState.CLOSED
    refuge_case.save()
    with pytest.raises(ExitStepRefusedError, match="The case is closed"):
        needs_reassessment_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            assessed_at=a_moment_ago(),
            summary="Synthetic",
        )
    assert not NeedsAssessment.objects.exists()
    assert not CaseEvent.objects.filter(kind="needs_assessment").exists()


def test_with_levels_it_records_the_exit_levels_of_each_area(victim_first_case, personas):
    # seed 002 s3.9: repeated before closure so distance travelled can be measured per area
    levels = {area.key: 1 for area in needs_areas(victim_first_case)}
    assessment = needs_reassessment_record(
        case=victim_first_case,
        recorded_by=personas.caseworker,
        assessed_at=a_moment_ago(),
        summary="Settled",
        levels=levels,
        notes={"family": "Back in touch with her sister"},
    )
    assert dict(assessment.areas.values_list("area", "level")) == levels


def test_with_levels_a_missing_area_is_refused_on_its_field(victim_first_case, personas):
    with pytest.raises(ExitStepRefusedError) as refused:
        needs_reassessment_record(
            case=victim_first_case,
            recorded_by=personas.caseworker,
            assessed_at=a_moment_ago(),
            summary="Settled",
            levels={"family": 1},
        )
    assert refused.value.field.startswith("level_")
    assert not NeedsAssessment.objects.exists()
