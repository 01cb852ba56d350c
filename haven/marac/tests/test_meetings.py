"""MARAC meetings (reference.md s2): an area's meeting, the cases heard with the outcome and
representation, actions with an owner agency, due date and a status that keeps "the agency did
not act" apart from "circumstances changed"; kept by team leaders and service managers."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.marac.meetings import (
    marac_action_record,
    marac_action_status_set,
    marac_area_create,
    marac_hearing_record,
    marac_meeting_record,
)
from haven.marac.models import MaracArea, MaracMeeting

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


@pytest.fixture
def meeting(personas, area):
    return marac_meeting_record(
        area=area,
        actor=personas.team_leader,
        held_on=TODAY(),
        agencies_present=["police", "idva", "housing"],
        idva_attended=True,
    )


@pytest.fixture
def hearing(personas, meeting, referral):
    return marac_hearing_record(
        meeting=meeting,
        referral=referral,
        actor=personas.team_leader,
        outcome="Police to flag the address.",
        idva_represented=True,
    )


def test_a_service_manager_adds_an_area_once(personas):
    area = marac_area_create(
        organisation=personas.organisation, actor=personas.service_manager, name=" North  Town "
    )
    assert area.name == "North Town"
    with pytest.raises(ValidationError) as refused:
        marac_area_create(
            organisation=personas.organisation, actor=personas.team_leader, name="north town"
        )
    assert "name" in refused.value.message_dict


def test_caseworkers_and_other_providers_keep_no_maracs(personas, area):
    for who in (personas.caseworker, personas.commissioner):
        with pytest.raises(PermissionDenied):
            marac_area_create(organisation=personas.organisation, actor=who, name="X")
    other = MaracArea.objects.create(organisation=personas.other_organisation, name="Other")
    with pytest.raises(PermissionDenied):
        marac_meeting_record(
            area=other,
            actor=personas.team_leader,
            held_on=TODAY(),
            agencies_present=["police"],
            idva_attended=False,
        )


def test_reference_s2_a_meeting_records_agencies_present_in_order_and_once_a_day(meeting, personas):
    assert meeting.agencies_present == ["police", "idva", "housing"]
    with pytest.raises(ValidationError) as refused:
        marac_meeting_record(
            area=meeting.area,
            actor=personas.team_leader,
            held_on=meeting.held_on,
            agencies_present=[],
            idva_attended=False,
        )
    assert set(refused.value.message_dict) == {"held_on", "agencies_present"}
    assert MaracMeeting.objects.count() == 1


def test_seed_004_s6_7_a_case_heard_records_representation_on_the_case_timeline(hearing):
    assert hearing.idva_represented is True
    event = CaseEvent.objects.get(case=hearing.referral.case, kind="marac_heard")
    assert event.summary == "Heard at Synthetic City MARAC"
    assert "flag" not in event.summary


def test_a_case_is_heard_once_per_meeting_and_not_before_its_referral(
    personas, meeting, hearing, supported_case, refer
):
    with pytest.raises(ValidationError):
        marac_hearing_record(
            meeting=meeting,
            referral=hearing.referral,
            actor=personas.team_leader,
            outcome="",
            idva_represented=False,
        )
    past = marac_meeting_record(
        area=meeting.area,
        actor=personas.team_leader,
        held_on=TODAY() - dt.timedelta(days=20),
        agencies_present=["police"],
        idva_attended=False,
    )
    with pytest.raises(ValidationError) as refused:
        marac_hearing_record(
            meeting=past,
            referral=hearing.referral,
            actor=personas.team_leader,
            outcome="",
            idva_represented=False,
        )
    assert refused.value.message_dict["referral"] == ["This case was referred after the meeting"]


def test_reference_s2_actions_keep_the_agency_did_not_act_apart_from_circumstances(
    personas, hearing
):
    action = marac_action_record(
        hearing=hearing,
        actor=personas.team_leader,
        owning_agency="housing",
        description="Offer a sanctuary scheme assessment.",
        due_on=TODAY() + dt.timedelta(days=14),
    )
    assert action.status == "open"
    marac_action_status_set(
        action=action, actor=personas.team_leader, status="agency_did_not_act", status_on=TODAY()
    )
    action.refresh_from_db()
    assert (action.status, action.status_on) == ("agency_did_not_act", TODAY())
    marac_action_status_set(
        action=action,
        actor=personas.service_manager,
        status="circumstances_changed",
        status_on=TODAY(),
    )
    action.refresh_from_db()
    assert action.get_status_display() == "Not done: circumstances changed"


def test_an_action_needs_an_agency_a_description_and_a_due_date_after_the_meeting(
    personas, hearing
):
    with pytest.raises(ValidationError) as refused:
        marac_action_record(
            hearing=hearing,
            actor=personas.team_leader,
            owning_agency="",
            description=" ",
            due_on=TODAY() - dt.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"owning_agency", "description", "due_on"}
