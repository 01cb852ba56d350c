"""A programme place's milestones and each session's mark on the person's case timeline (issue
16 item 1): offered, started, completed, left (the reason's label, never its detail), attended
or missed; none for partner liaison; a register of 12 writes 12 entries with no read per
person."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import CaseAccess, CaseEvent
from haven.programmes.models import ProgrammeKind
from haven.programmes.services import (
    enrolment_complete,
    enrolment_drop_out,
    enrolment_offer,
    pre_group_assessment_record,
    pre_group_contact_record,
    programme_create,
    run_create,
)
from haven.programmes.services_liaison import partner_contact_record, partner_liaison_start
from haven.programmes.services_sessions import register_of, session_record
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db
K = CaseEventKind
DETAIL = "Her new partner at 3 Elm Road said he would hurt him"


def _kinds(case):
    return list(
        CaseEvent.objects.filter(case=case).order_by("occurred_at").values_list("kind", flat=True)
    )


def _programme_events(case):
    return CaseEvent.objects.filter(case=case, kind__startswith="programme_")


def test_offer_start_and_each_mark_go_on_the_timeline(place, personas):
    events = {e.kind: e for e in _programme_events(place.case)}
    assert set(events) == {
        K.PROGRAMME_PLACE_OFFERED,
        K.PROGRAMME_ASSESSED,
        K.PROGRAMME_STARTED,
        K.PROGRAMME_SESSION_ATTENDED,
    }
    offered = events[K.PROGRAMME_PLACE_OFFERED]
    assert offered.summary.startswith(
        "Offered a place on Choices for change (Tuesday evening group)"
    )
    assert (offered.object_type, offered.object_id) == ("programmes.enrolment", str(place.pk))
    assert timezone.localdate(events[K.PROGRAMME_STARTED].occurred_at) == place.started_on
    assert events[K.PROGRAMME_SESSION_ATTENDED].object_type == "programmes.sessionattendance"
    assert K.PROGRAMME_STARTED.label == "Programme started"


def test_seed_001_lot_4_s8_pre_group_contacts_and_the_assessment_are_on_the_timeline(
    run, perp_case, personas
):
    today = timezone.localdate()
    offered = enrolment_offer(
        run=run, case=perp_case, offered_on=today - timedelta(days=3), offered_by=personas.outsider
    )
    pre_group_contact_record(
        enrolment=offered,
        contacted_on=today - timedelta(days=2),
        method="phone",
        by=personas.outsider,
    )
    pre_group_assessment_record(
        enrolment=offered,
        assessed_on=today - timedelta(days=1),
        suitable=False,
        by=personas.outsider,
    )
    summaries = {e.kind: e.summary for e in _programme_events(perp_case)}
    assert summaries[K.PROGRAMME_PRE_GROUP_CONTACT].startswith("Pre-group contact (")
    assert summaries[K.PROGRAMME_ASSESSED] == (
        "Pre-group assessment for Choices for change (Tuesday evening group): not suitable"
    )


def test_a_missed_session_is_on_the_timeline_with_its_mark(run, place, personas):
    session_record(
        run=run,
        held_on=timezone.localdate() - timedelta(days=1),
        session_format="group",
        duration_minutes=90,
        topic="",
        marks={place.pk: "apologies"},
        by=personas.outsider,
    )
    missed = _programme_events(place.case).get(kind=K.PROGRAMME_SESSION_MISSED)
    assert missed.summary.endswith("missed (apologies)")


def test_completion_is_on_the_timeline(run, place, personas):
    run.programme.min_sessions = None
    run.programme.save()
    enrolment_complete(enrolment=place, completed_on=timezone.localdate(), by=personas.outsider)
    done = _programme_events(place.case).get(kind=K.PROGRAMME_COMPLETED)
    assert done.summary == "Completed Choices for change (Tuesday evening group)"


def test_dropping_out_shows_the_reasons_label_never_its_detail(place, personas):
    enrolment_drop_out(
        enrolment=place,
        ended_on=timezone.localdate(),
        reason="other",
        detail=DETAIL,
        by=personas.outsider,
    )
    left = _programme_events(place.case).get(kind=K.PROGRAMME_LEFT)
    assert left.summary == "Dropped out of Choices for change (Tuesday evening group): Other"
    assert not CaseEvent.objects.filter(summary__contains="Elm Road").exists()
    assert "Elm Road" not in str(left.data)


def test_not_starting_is_on_the_timeline(run, personas):
    case = CaseFactory(contract=run.programme.contract, team=personas.other_team)
    offered = enrolment_offer(
        run=run, case=case, offered_on=timezone.localdate(), offered_by=personas.outsider
    )
    enrolment_drop_out(
        enrolment=offered,
        ended_on=timezone.localdate(),
        reason="moved_away",
        detail="",
        by=personas.outsider,
    )
    left = _programme_events(case).get(kind=K.PROGRAMME_LEFT)
    assert left.summary == "Did not start Choices for change (Tuesday evening group): Moved away"


def test_a_restricted_case_gets_its_entries_as_any_other(run, personas):
    case = CaseFactory(
        contract=run.programme.contract,
        team=personas.other_team,
        allocated_to=personas.outsider,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=case, user=personas.outsider)
    enrolment_offer(
        run=run, case=case, offered_on=timezone.localdate(), offered_by=personas.outsider
    )
    assert _programme_events(case).filter(kind=K.PROGRAMME_PLACE_OFFERED).count() == 1


def test_partner_liaison_never_goes_on_the_perpetrators_timeline(place, victim_case, personas):
    before = _kinds(place.case)
    victim_before = _kinds(victim_case)
    liaison = partner_liaison_start(
        victim_case=victim_case,
        perpetrator_reference=place.case.person.reference_code,
        started_on=timezone.localdate(),
        by=personas.caseworker,
    )
    partner_contact_record(
        liaison=liaison,
        contacted_on=timezone.localdate(),
        method="phone",
        risk_concern_raised=True,
        notes="She is staying at her mother's",
        by=personas.caseworker,
    )
    assert _kinds(place.case) == before
    assert _kinds(victim_case) == victim_before
    assert not CaseEvent.objects.filter(summary__icontains="mother").exists()


def _group(personas, size):
    """A non-perpetrator group (no assessment needed) of `size` people who have all started."""
    contract = personas.contract
    programme = programme_create(
        contract=contract,
        kind=ProgrammeKind.RECOVERY,
        name=f"Recovery Toolkit {size}",
        min_weeks=None,
        min_sessions=None,
        created_by=personas.service_manager,
    )
    today = timezone.localdate()
    run = run_create(
        programme=programme,
        name="Thursday group",
        starts_on=today - timedelta(weeks=4),
        planned_end_on=today + timedelta(weeks=8),
        venue="",
        facilitators=[personas.team_leader],
        created_by=personas.service_manager,
    )
    for _ in range(size):
        enrolment_offer(
            run=run,
            case=CaseFactory(contract=contract, team=personas.team),
            offered_on=today - timedelta(weeks=4),
            offered_by=personas.team_leader,
        )
    session_record(
        run=run,
        held_on=today - timedelta(weeks=3),
        session_format="group",
        duration_minutes=60,
        topic="",
        marks={e.pk: "attended" for e in register_of(run)},
        by=personas.team_leader,
    )
    return run


def _register_queries(run, personas):
    marks = {
        e.pk: "attended" if i % 3 else "did_not_attend" for i, e in enumerate(register_of(run))
    }
    with CaptureQueriesContext(connection) as captured:
        session_record(
            run=run,
            held_on=timezone.localdate() - timedelta(days=1),
            session_format="group",
            duration_minutes=60,
            topic="",
            marks=marks,
            by=personas.team_leader,
        )
    return [q["sql"] for q in captured.captured_queries]


def test_a_register_of_12_writes_12_entries_with_no_read_per_person(personas):
    small, large = _group(personas, 2), _group(personas, 12)
    before = CaseEvent.objects.count()
    two = _register_queries(small, personas)
    middle = CaseEvent.objects.count()
    twelve = _register_queries(large, personas)
    assert middle - before == 2
    assert CaseEvent.objects.count() - middle == 12
    assert CaseEvent.objects.filter(kind=K.PROGRAMME_SESSION_MISSED).count() == 1 + 4

    def reads(queries):
        return [q for q in queries if q.lstrip().upper().startswith("SELECT")]

    # no SELECT per person: the register is read once, whatever its size
    assert len(reads(twelve)) == len(reads(two))
    # each extra person costs only their timeline entry (an INSERT inside case_event_record's
    # savepoint: at most 3 statements)
    assert len(twelve) - len(two) <= 10 * 3
