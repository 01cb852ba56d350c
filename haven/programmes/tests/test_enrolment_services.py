"""Programmes, runs and places (seed 001 Lot 4 s5, s8): the 26-week rule, offers, pre-group
contacts and assessments, starts, completions and drop-outs with reasons."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditEvent
from haven.programmes.models import EnrolmentStatus, ProgrammeKind
from haven.programmes.services import (
    enrolment_complete,
    enrolment_drop_out,
    enrolment_offer,
    pre_group_assessment_record,
    pre_group_contact_record,
    programme_create,
    run_create,
)
from haven.programmes.services_sessions import session_record

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_seed_001_lot_4_s5_a_perpetrator_programme_runs_at_least_26_weeks(perp_contract, personas):
    with pytest.raises(ValidationError) as refused:
        programme_create(
            contract=perp_contract,
            kind=ProgrammeKind.PERPETRATOR,
            name="Short course",
            min_weeks=12,
            min_sessions=None,
            created_by=personas.service_manager,
        )
    assert "at least 26 weeks" in str(refused.value.message_dict["min_weeks"])
    made = programme_create(
        contract=perp_contract,
        kind=ProgrammeKind.PERPETRATOR,
        name="Default length",
        min_weeks=None,
        min_sessions=None,
        created_by=personas.service_manager,
    )
    assert made.min_weeks == 26


def test_seed_001_lot_4_s5_a_run_is_planned_for_the_minimum_weeks(programme, personas):
    with pytest.raises(ValidationError) as refused:
        run_create(
            programme=programme,
            name="Too short",
            starts_on=TODAY(),
            planned_end_on=TODAY() + timedelta(weeks=10),
            venue="",
            facilitators=[personas.outsider],
            created_by=personas.service_manager,
        )
    assert "planned_end_on" in refused.value.message_dict


def test_a_caseworker_cannot_set_up_programmes(perp_contract, personas):
    with pytest.raises(PermissionDenied):
        programme_create(
            contract=perp_contract,
            kind=ProgrammeKind.PARENTING,
            name="Parenting",
            min_weeks=None,
            min_sessions=None,
            created_by=personas.caseworker,
        )


def test_facilitators_must_be_staff_of_the_service(programme, personas):
    with pytest.raises(ValidationError) as refused:
        run_create(
            programme=programme,
            name="Group",
            starts_on=TODAY(),
            planned_end_on=TODAY() + timedelta(weeks=26),
            venue="",
            facilitators=[personas.other_provider_caseworker],
            created_by=personas.service_manager,
        )
    assert "facilitators" in refused.value.message_dict


def test_a_place_is_offered_once_on_a_case_of_the_programmes_contract(
    run, perp_case, victim_case, personas
):
    place = enrolment_offer(
        run=run, case=perp_case, offered_on=TODAY(), offered_by=personas.outsider
    )
    assert place.status == EnrolmentStatus.OFFERED
    assert AuditEvent.objects.filter(object_id=str(place.pk), action="create").exists()
    with pytest.raises(ValidationError):
        enrolment_offer(run=run, case=perp_case, offered_on=TODAY(), offered_by=personas.outsider)
    with pytest.raises(ValidationError, match="another service"):
        enrolment_offer(
            run=run, case=victim_case, offered_on=TODAY(), offered_by=personas.caseworker
        )


def test_someone_who_cannot_change_the_case_cannot_offer_a_place(run, perp_case, personas):
    with pytest.raises(PermissionDenied):
        enrolment_offer(run=run, case=perp_case, offered_on=TODAY(), offered_by=personas.caseworker)


def test_seed_001_lot_4_s8_pre_group_contacts_and_assessment_are_recorded_before_the_start(
    run, perp_case, personas
):
    place = enrolment_offer(
        run=run,
        case=perp_case,
        offered_on=TODAY() - timedelta(days=5),
        offered_by=personas.outsider,
    )
    pre_group_contact_record(
        enrolment=place,
        contacted_on=TODAY() - timedelta(days=4),
        method="phone",
        by=personas.outsider,
    )
    pre_group_contact_record(
        enrolment=place,
        contacted_on=TODAY() - timedelta(days=3),
        method="face_to_face",
        by=personas.outsider,
    )
    pre_group_assessment_record(
        enrolment=place,
        assessed_on=TODAY() - timedelta(days=2),
        suitable=True,
        by=personas.outsider,
    )
    place.refresh_from_db()
    assert place.contacts.count() == 2
    assert place.status == EnrolmentStatus.ASSESSED
    with pytest.raises(ValidationError):
        pre_group_assessment_record(
            enrolment=place, assessed_on=TODAY(), suitable=True, by=personas.outsider
        )


def test_seed_001_lot_4_s5_a_perpetrator_starts_only_after_a_suitable_assessment(
    run, perp_case, personas
):
    place = enrolment_offer(
        run=run,
        case=perp_case,
        offered_on=TODAY() - timedelta(days=5),
        offered_by=personas.outsider,
    )
    with pytest.raises(ValidationError) as refused:
        session_record(
            run=run,
            held_on=TODAY(),
            session_format="group",
            duration_minutes=120,
            topic="",
            marks={place.pk: "attended"},
            by=personas.outsider,
        )
    assert f"mark_{place.pk}" in refused.value.message_dict


def test_seed_001_lot_4_s5_completion_needs_the_programmes_minimum_weeks(place, personas):
    """seed 001 Lot 4 s5: at least 26 weeks; the place started 29 weeks ago with 1 session."""
    too_soon = place.started_on + timedelta(weeks=10)
    with pytest.raises(ValidationError) as refused:
        enrolment_complete(enrolment=place, completed_on=too_soon, by=personas.outsider)
    assert "26 weeks" in refused.value.message_dict["completed_on"][0]
    with pytest.raises(ValidationError) as refused:
        enrolment_complete(enrolment=place, completed_on=TODAY(), by=personas.outsider)
    assert "20 sessions" in refused.value.message_dict["completed_on"][0]


def test_seed_001_lot_4_s8_a_place_completes_after_the_weeks_and_sessions(place, run, personas):
    for week in range(1, 20):
        session_record(
            run=run,
            held_on=place.started_on + timedelta(weeks=week),
            session_format="group",
            duration_minutes=120,
            topic="",
            marks={place.pk: "attended"},
            by=personas.outsider,
        )
    done = enrolment_complete(enrolment=place, completed_on=TODAY(), by=personas.outsider)
    assert done.status == EnrolmentStatus.COMPLETED
    assert done.completed_on == TODAY()


def test_a_drop_out_needs_a_reason_from_the_list_and_other_needs_detail(place, personas):
    with pytest.raises(ValidationError) as refused:
        enrolment_drop_out(
            enrolment=place, ended_on=TODAY(), reason="bored", detail="", by=personas.outsider
        )
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        enrolment_drop_out(
            enrolment=place, ended_on=TODAY(), reason="other", detail="", by=personas.outsider
        )
    assert "detail" in refused.value.message_dict
    left = enrolment_drop_out(
        enrolment=place, ended_on=TODAY(), reason="non_attendance", detail="", by=personas.outsider
    )
    assert left.status == EnrolmentStatus.DROPPED_OUT
    with pytest.raises(ValidationError):
        enrolment_drop_out(
            enrolment=place, ended_on=TODAY(), reason="other", detail="x", by=personas.outsider
        )


def test_leaving_before_the_start_is_not_starting(run, perp_case, personas):
    place = enrolment_offer(
        run=run, case=perp_case, offered_on=TODAY(), offered_by=personas.outsider
    )
    left = enrolment_drop_out(
        enrolment=place, ended_on=TODAY(), reason="chose_to_leave", detail="", by=personas.outsider
    )
    assert left.status == EnrolmentStatus.NOT_STARTED
