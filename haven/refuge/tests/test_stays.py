"""Moving in, past the limit and moving out (issue 13 items 2-3; seed 004 s4.2, s7.3, s7.5)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, TaskStatus
from haven.casework.services.tasks import TaskNotMarkableError, task_mark_done
from haven.people.models import EqualityData
from haven.refuge.services import room_void_record, stay_extend, stay_move_out
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db

ENTERED_DUTIES = {
    "risk_assessment_arrival",
    "comprehensive_assessment",
    "support_plan",
    "support_plan_review_week_10",
    "risk_assessment_midpoint",
    "stay_limit",
}


def _keys(case):
    return set(case.tasks.values_list("rule_key", flat=True))


def test_seed_004_s4_2_s7_5_no_arrival_duties_before_moving_in(cornwall_case):
    assert not ENTERED_DUTIES & _keys(cornwall_case)


def test_seed_004_s4_2_s7_3_s7_5_moving_in_sets_the_arrival_duties_and_the_stay_limit(
    stay, cornwall_case
):
    tasks = {t.rule_key: t for t in cornwall_case.tasks.all()}
    assert set(tasks) >= ENTERED_DUTIES
    moved_in = timezone.localtime(stay.moved_in_at)
    limit = timezone.localtime(tasks["stay_limit"].due_at)
    assert limit.date() == moved_in.date() + dt.timedelta(weeks=20)  # seed 004 s7.3
    review = timezone.localtime(tasks["support_plan_review_week_10"].due_at)
    assert review.date() == moved_in.date() + dt.timedelta(weeks=10)  # seed 004 s4.2
    assert tasks["stay_limit"].citation == "seed 004 s7.3"
    assert CaseEvent.objects.filter(case=cornwall_case, kind="refuge_moved_in").exists()


def test_seed_004_s4_2_the_midpoint_window_counts_from_moving_in(stay, cornwall_case):
    from haven.risk.reassessments import window_opens_for

    opens = window_opens_for(cornwall_case, "risk_assessment_midpoint")
    moved_in = timezone.localtime(stay.moved_in_at).date()
    assert timezone.localtime(opens).date() == moved_in + dt.timedelta(weeks=10)


def test_seed_004_s7_3_the_stay_limit_is_not_marked_done_by_hand(stay, cornwall_case, personas):
    task = cornwall_case.tasks.get(rule_key="stay_limit")
    with pytest.raises(TaskNotMarkableError):
        task_mark_done(task=task, done_by=personas.caseworker, done_at=timezone.now())


def test_seed_004_s7_3_recording_the_extension_meets_the_stay_limit(stay, cornwall_case, personas):
    extension = stay_extend(
        stay=stay,
        extended_by=personas.caseworker,
        reason="no_move_on",
        exit_plan="Bid for social housing weekly",
        review_timetable="Every 2 weeks",
        commissioner_notified_on=timezone.localdate(),
    )
    assert extension.reason == "no_move_on"
    task = cornwall_case.tasks.get(rule_key="stay_limit")
    assert task.status == TaskStatus.MET
    assert CaseEvent.objects.filter(case=cornwall_case, kind="refuge_stay_extended").exists()


def test_seed_004_s7_3_an_extension_needs_a_plan_a_timetable_and_the_commissioner_told(
    stay, personas
):
    with pytest.raises(ValidationError) as refused:
        stay_extend(
            stay=stay,
            extended_by=personas.caseworker,
            reason="nonsense",
            exit_plan=" ",
            review_timetable="",
            commissioner_notified_on=None,
        )
    assert set(refused.value.error_dict) == {
        "reason",
        "exit_plan",
        "review_timetable",
        "commissioner_notified_on",
    }


def test_moving_out_before_the_limit_meets_it_and_records_where_to(stay, cornwall_case, personas):
    stay_move_out(
        stay=stay,
        moved_out_by=personas.caseworker,
        moved_out_at=timezone.now(),
        destination="social_housing",
        planned_exit=True,
    )
    stay.refresh_from_db()
    assert stay.destination == "social_housing"
    assert stay.planned_exit is True
    assert cornwall_case.tasks.get(rule_key="stay_limit").status == TaskStatus.MET
    assert CaseEvent.objects.filter(case=cornwall_case, kind="refuge_moved_out").exists()


def test_moving_out_before_moving_in_is_refused(stay, personas):
    with pytest.raises(ValidationError) as refused:
        stay_move_out(
            stay=stay,
            moved_out_by=personas.caseworker,
            moved_out_at=stay.moved_in_at - dt.timedelta(days=1),
            destination="social_housing",
            planned_exit=False,
        )
    assert "moved_out_at" in refused.value.error_dict


def test_moving_out_twice_is_refused(stay, personas):
    kwargs = {
        "moved_out_by": personas.caseworker,
        "moved_out_at": timezone.now(),
        "destination": "unknown",
        "planned_exit": False,
    }
    stay_move_out(stay=stay, **kwargs)
    with pytest.raises(ValidationError):
        stay_move_out(stay=stay, **kwargs)


def test_an_occupied_room_is_refused(stay, move_in, open_case, cornwall):
    other = open_case(contract=cornwall)
    with pytest.raises(ValidationError) as refused:
        move_in(case=other, at=timezone.now())
    assert "Someone is living in this room" in refused.value.error_dict["room"][0].message


def test_a_void_room_is_refused(move_in, room, personas):
    room_void_record(
        room=room,
        recorded_by=personas.service_manager,
        starts_on=timezone.localdate() - dt.timedelta(days=5),
        ends_on=None,
        reason="repairs",
    )
    with pytest.raises(ValidationError) as refused:
        move_in()
    assert "void" in refused.value.error_dict["room"][0].message


def test_seed_004_s4_3_a_men_only_room_refuses_a_person_recorded_as_female(move_in, cornwall_case):
    EqualityData.objects.create(person=cornwall_case.person, sex="female")
    with pytest.raises(ValidationError) as refused:
        move_in()
    assert "men only" in refused.value.error_dict["room"][0].message


def test_moving_in_before_the_case_opened_or_in_the_future_is_refused(move_in, cornwall_case):
    for at in (
        cornwall_case.opened_at - dt.timedelta(days=1),
        timezone.now() + dt.timedelta(days=2),
    ):
        with pytest.raises(ValidationError) as refused:
            move_in(at=at)
        assert "moved_in_at" in refused.value.error_dict


def test_a_second_open_stay_on_a_case_is_refused(stay, move_in, refuge):
    with pytest.raises(ValidationError, match="already living in a room"):
        move_in(room_=refuge.rooms.get(name="Room 2"))


def test_seed_004_s10_a5_children_of_the_household_move_in_with_them(move_in, cornwall_case):
    child = HouseholdLinkFactory(person=cornwall_case.person).member
    stay = move_in(household_members=[child])
    assert list(stay.household_members.all()) == [child]


def test_a_room_without_children_refuses_a_household_with_children(move_in, cornwall_case, refuge):
    child = HouseholdLinkFactory(person=cornwall_case.person).member
    with pytest.raises(ValidationError, match="does not take children"):
        move_in(room_=refuge.rooms.get(name="Room 4"), household_members=[child])


def test_someone_outside_the_household_is_refused(move_in, open_case, cornwall):
    stranger = open_case(contract=cornwall).person
    with pytest.raises(ValidationError) as refused:
        move_in(household_members=[stranger])
    assert "household_members" in refused.value.error_dict


def test_the_entered_clock_is_the_latest_move_in_and_an_unsaved_case_costs_no_query(
    stay, cornwall_case, django_assert_num_queries
):
    from haven.casework.deadline_rules import case_situation
    from haven.casework.models import Case
    from haven.deadlines import StartEvent

    assert case_situation(cornwall_case).events[StartEvent.ENTERED] == stay.moved_in_at
    unsaved = Case(contract=cornwall_case.contract, person=cornwall_case.person)
    from haven.casework.start_events import case_start_events

    with django_assert_num_queries(0):
        assert case_start_events(unsaved) == {}
