"""`exit_interview_record`: an ExitInterview row (what returns count), audited, and a timeline
entry pointing at it; refused before anything is saved."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, ExitInterview
from haven.casework.services import ExitStepRefusedError, exit_interview_record
from haven.casework.services.exit_steps import exit_interview_summary
from haven.casework.tests.exit_fixtures import a_moment_ago
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_it_records_the_interview_as_a_row_with_a_timeline_entry_pointing_at_it(
    refuge_case, personas
):
    at = a_moment_ago()
    interview = exit_interview_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        held_at=at,
        method="phone",
        summary="  Feels settled in the new flat ",
    )
    interview.refresh_from_db()
    assert (interview.case, interview.held_at, interview.method, interview.outcome) == (
        refuge_case,
        at,
        "phone",
        "held",
    )
    assert interview.summary == "Feels settled in the new flat"
    assert interview.recorded_by == personas.caseworker
    event = CaseEvent.objects.get(case=refuge_case, kind="exit_interview")
    assert (event.object_type, event.object_id) == ("casework.exitinterview", str(interview.pk))
    assert (event.occurred_at, event.actor) == (at, personas.caseworker)
    assert event.summary == "Exit interview held (by phone)"
    assert event.data == {"summary": "Feels settled in the new flat"}  # shown, not counted


def test_its_audit_names_the_row_without_the_free_text(refuge_case, personas):
    interview = exit_interview_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        held_at=a_moment_ago(),
        method="video",
        summary="Synthetic words",
    )
    audit = AuditEvent.objects.get(object_id=str(interview.pk), action="create")
    assert audit.changes["method"] == [None, "video"]
    assert audit.changes["outcome"] == [None, "held"]
    assert "summary" not in audit.changes


def test_a_declined_interview_has_the_declined_outcome(refuge_case, personas):
    interview = exit_interview_record(
        case=refuge_case, recorded_by=personas.caseworker, held_at=a_moment_ago(), method="declined"
    )
    assert (interview.method, interview.outcome) == ("declined", "declined")
    event = CaseEvent.objects.get(kind="exit_interview")
    assert event.summary == "Exit interview declined by the survivor"
    assert event.data == {}


@pytest.mark.parametrize("method", ["not_recorded", "carrier pigeon", ""])
def test_a_method_staff_cannot_choose_is_refused(refuge_case, personas, method):
    with pytest.raises(ExitStepRefusedError) as refused:
        exit_interview_record(
            case=refuge_case, recorded_by=personas.caseworker, held_at=a_moment_ago(), method=method
        )
    assert refused.value.field == "method"
    assert not ExitInterview.objects.exists()


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (dt.timedelta(hours=1), "It cannot be in the future"),
        (-dt.timedelta(days=400), "It cannot be before the case opened"),
    ],
)
def test_a_time_in_the_future_or_before_the_case_opened_is_refused(
    refuge_case, personas, when, message
):
    with pytest.raises(ExitStepRefusedError, match=message) as refused:
        exit_interview_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            held_at=timezone.now() + when,
            method="in_person",
        )
    assert refused.value.field == "held_at"
    assert not ExitInterview.objects.exists()
    assert not CaseEvent.objects.filter(kind="exit_interview").exists()


def test_a_closed_case_takes_no_interview(refuge_case, personas):
    refuge_case.state = CaseState.CLOSED
    refuge_case.save()
    with pytest.raises(ExitStepRefusedError, match="The case is closed"):
        exit_interview_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            held_at=a_moment_ago(),
            method="phone",
        )
    assert not ExitInterview.objects.exists()


def test_a_summary_over_the_limit_is_refused(refuge_case, personas):
    with pytest.raises(ExitStepRefusedError) as refused:
        exit_interview_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            held_at=a_moment_ago(),
            method="phone",
            summary="x" * 1001,
        )
    assert refused.value.field == "summary"


def test_an_interview_migrated_without_its_method_reads_as_held():
    assert exit_interview_summary("not_recorded") == "Exit interview held"
    assert exit_interview_summary("in_person") == "Exit interview held (in person)"
