"""Complaints through the stages the provider's profile sets (`complaints:`), each with its
response due in working days, and compliments (seed 001 Lot 1 s8 "number of complaints
received (and number resolved)"; seed 002 s9 "considered and investigated in line with the
organisations complaints procedure"; seed 004 s10 "compliments and complaints")."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from pydantic import ValidationError as ProfileError

from haven.contracts.profiles.schema import ComplaintsSpec
from haven.incidents.complaint_services import (
    complaint_escalate,
    complaint_record,
    complaint_resolve,
    complaint_stage_respond,
    compliment_record,
)
from haven.incidents.models import Complaint, Compliment

pytestmark = pytest.mark.django_db

FRIDAY = dt.date(2026, 12, 18)  # before Christmas: 25, 28 Dec are bank holidays in England


@pytest.fixture(autouse=True)
def in_january_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 1, 11, 12, tzinfo=dt.UTC), tick=False)


def _complaint(contract, personas, **overrides):
    fields = {
        "contract": contract,
        "recorded_by": personas.team_leader,
        "received_on": FRIDAY,
        "complainant": "family_or_friend",
        "route": "email",
        "subject": "communication",
        "summary": "Synthetic complaint",
        "stage": "informal",
    } | overrides
    return complaint_record(**fields)


def test_the_default_informal_stage_is_answered_within_5_working_days(cornwall, personas):
    complaint = _complaint(cornwall, personas)
    stage = complaint.stages.get()
    assert (stage.stage, stage.working_days) == ("informal", 5)
    # Mon 21, Tue 22, Wed 23, Thu 24, (Fri 25 and Mon 28 bank holidays), Tue 29
    assert stage.response_due_on == dt.date(2026, 12, 29)


def test_a_complaint_may_start_at_a_formal_stage(cornwall, personas):
    complaint = _complaint(cornwall, personas, stage="stage_1")
    assert complaint.stages.get().working_days == 10


def test_escalation_adds_the_next_stage_and_stops_at_the_last(cornwall, personas):
    complaint = _complaint(
        cornwall, personas, received_on=timezone.localdate() - dt.timedelta(days=9)
    )
    today = timezone.localdate()
    assert (
        complaint_escalate(
            complaint=complaint, escalated_by=personas.team_leader, escalated_on=today
        ).stage
        == "stage_1"
    )
    assert (
        complaint_escalate(
            complaint=complaint, escalated_by=personas.team_leader, escalated_on=today
        ).stage
        == "stage_2"
    )
    with pytest.raises(ValidationError):
        complaint_escalate(
            complaint=complaint, escalated_by=personas.team_leader, escalated_on=today
        )


def test_a_response_is_recorded_once_and_late_is_shown(cornwall, personas):
    complaint = _complaint(cornwall, personas)
    stage = complaint.stages.get()
    stage = complaint_stage_respond(
        stage=stage,
        responded_by=personas.team_leader,
        responded_on=dt.date(2026, 12, 30),
        response="",
    )
    assert stage.responded_late
    with pytest.raises(ValidationError):
        complaint_stage_respond(
            stage=stage,
            responded_by=personas.team_leader,
            responded_on=dt.date(2026, 12, 30),
            response="",
        )


def test_the_outcome_resolves_it(cornwall, personas):
    complaint = _complaint(cornwall, personas)
    with pytest.raises(ValidationError) as refused:
        complaint_resolve(
            complaint=complaint,
            resolved_by=personas.team_leader,
            outcome="maybe",
            resolved_on=FRIDAY - dt.timedelta(days=1),
            learning="",
        )
    assert set(refused.value.message_dict) == {"outcome", "resolved_on"}
    complaint_resolve(
        complaint=complaint,
        resolved_by=personas.team_leader,
        outcome="partly_upheld",
        resolved_on=FRIDAY,
        learning="Synthetic learning",
    )
    complaint.refresh_from_db()
    assert complaint.is_resolved
    assert complaint.outcome == "partly_upheld"


def test_bad_input_is_refused_and_nothing_is_saved(cornwall, personas):
    with pytest.raises(ValidationError) as refused:
        _complaint(
            cornwall,
            personas,
            received_on=timezone.localdate() + dt.timedelta(days=1),
            complainant="Jane Doe",
            stage="stage_9",
            summary="",
        )
    assert set(refused.value.message_dict) == {"received_on", "complainant", "stage", "summary"}
    assert not Complaint.objects.exists()


def test_a_compliment_is_recorded(cornwall, personas):
    compliment = compliment_record(
        contract=cornwall,
        recorded_by=personas.team_leader,
        received_on=FRIDAY,
        complimenter="service_user",
        about="The refuge staff",
    )
    assert Compliment.objects.get() == compliment
    with pytest.raises(ValidationError):
        compliment_record(
            contract=cornwall,
            recorded_by=personas.team_leader,
            received_on=FRIDAY,
            complimenter="service_user",
            about=" ",
        )


def test_the_profile_complaints_section_is_strict():
    spec = ComplaintsSpec(stages=[{"key": "formal", "label": "Formal", "working_days": 20}])
    assert [s.key for s in spec.stages] == ["formal"]
    for bad in (
        {"stages": [{"key": "formal", "label": "Formal", "working_days": 20, "extra": 1}]},
        {"stages": [{"key": "formal", "label": "Formal", "working_days": 0}]},
        {"stages": []},
        {"stages": [{"key": "a", "label": "A", "working_days": 5}] * 2},
        {"timescales": {}},
    ):
        with pytest.raises(ProfileError):
            ComplaintsSpec(**bad)


def test_a_resolved_complaint_takes_no_more_responses(cornwall, personas):
    complaint = _complaint(cornwall, personas)
    complaint_resolve(
        complaint=complaint,
        resolved_by=personas.team_leader,
        outcome="withdrawn",
        resolved_on=FRIDAY,
        learning="",
    )
    with pytest.raises(ValidationError, match="resolved"):
        complaint_stage_respond(
            stage=complaint.stages.get(),
            responded_by=personas.team_leader,
            responded_on=FRIDAY,
            response="",
        )
