"""The waiting list's entries (issue 13; seed 003 s5, s7, s13): every move into the state
records why, with the inputs of the person's place; leaving ends the entry; a contact task
repeats while the person waits."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import (
    CaseEvent,
    CaseState,
    TaskStatus,
    WaitingLeftHow,
    WaitingListEntry,
)
from haven.casework.services import case_close, case_note_add, case_state_change
from haven.casework.services.waiting_list import CONTACT_ACTION, priority_inputs
from haven.casework.tests.test_first_contact_moves_on import make_safe, record
from haven.casework.transitions import TransitionRefusedError
from haven.people.models import EqualityData, HouseholdLink, PersonFlag
from haven.testing.casework import CaseworkPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return make_safe(open_case(contract_for("wokingham-da-2017"), route="professional"))


def wait(case, user, reason="no_capacity", **kwargs):
    return case_state_change(
        case=case, to_state="waiting_list", changed_by=user, waiting_reason=reason, **kwargs
    )


def contact_tasks(case):
    return list(case.tasks.filter(action=CONTACT_ACTION).order_by("created_at"))


def test_seed_003_s13_going_on_the_waiting_list_needs_a_reason(wokingham_case, personas):
    with pytest.raises(ValidationError) as refused:
        case_state_change(
            case=wokingham_case, to_state="waiting_list", changed_by=personas.caseworker
        )
    assert set(refused.value.message_dict) == {"waiting_reason"}
    with pytest.raises(ValidationError) as refused:
        wait(wokingham_case, personas.caseworker, reason="other")
    assert set(refused.value.message_dict) == {"waiting_detail"}
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == CaseState.NEW
    assert not WaitingListEntry.objects.exists()


def test_seed_003_s7_joining_records_the_entry_and_the_inputs_of_the_place(
    wokingham_case, personas
):
    person = wokingham_case.person
    person.date_of_birth = timezone.localdate() - timedelta(days=365 * 20 + 30)
    person.save()
    PersonFlag.objects.create(person=person, kind="disability", started_on=date(2024, 1, 1))
    PersonFlag.objects.create(person=person, kind="mental_health", started_on=date(2024, 1, 1))
    EqualityData.objects.create(person=person, pregnancy_maternity="pregnant")
    child = CaseworkPersonFactory(organisation=person.organisation)
    HouseholdLink.objects.create(person=person, member=child, relationship="child")
    wokingham_case.risk_level = "medium"
    wokingham_case.save()
    wait(wokingham_case, personas.caseworker, reason="specialist_language", waiting_detail="Farsi")
    entry = WaitingListEntry.objects.get()
    assert (entry.contract_id, entry.reason, entry.reason_detail) == (
        wokingham_case.contract_id,
        "specialist_language",
        "Farsi",
    )
    assert (entry.risk_level, entry.children, entry.needs) == (
        "medium",
        1,
        ["mental health support"],
    )
    assert entry.vulnerabilities == ["disability", "pregnant", "aged 20"]
    assert entry.left_at is None
    event = CaseEvent.objects.get(case=wokingham_case, kind="waiting_list_joined")
    assert "Farsi" in event.summary
    inputs = priority_inputs(wokingham_case)
    assert inputs.need_count == 2


def test_seed_003_s5_exempt_cohorts_are_refused_with_the_reason(open_case, contract_for, personas):
    case = open_case(contract_for("wokingham-da-2017"), cohorts=["yos_plan"], route="professional")
    with pytest.raises(TransitionRefusedError, match="yos plan"):
        wait(case, personas.caseworker)
    assert not WaitingListEntry.objects.exists()


def test_a_successful_contact_that_puts_the_person_on_the_list_asks_why(wokingham_case, personas):
    with pytest.raises(ValidationError) as refused:
        record(wokingham_case, personas.caseworker, next_state="waiting_list")
    assert set(refused.value.message_dict) == {"waiting_reason"}
    record(
        wokingham_case,
        personas.caseworker,
        next_state="waiting_list",
        waiting_reason="person_asked",
    )
    assert WaitingListEntry.objects.get().reason == "person_asked"


def test_moving_to_engaged_ends_the_wait_as_support_started(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    case_state_change(
        case=wokingham_case, to_state="engaged", changed_by=personas.caseworker, reason="Space"
    )
    entry = WaitingListEntry.objects.get()
    assert (entry.left_how, entry.left_reason) == (WaitingLeftHow.SUPPORT_STARTED, "Space")
    assert entry.left_at is not None
    [task] = contact_tasks(wokingham_case)
    assert task.status == TaskStatus.CANCELLED
    assert not task.is_outstanding


def test_moving_back_to_contacting_ends_the_wait(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    case_state_change(case=wokingham_case, to_state="contacting", changed_by=personas.caseworker)
    assert WaitingListEntry.objects.get().left_how == WaitingLeftHow.MOVED_BACK


def test_issue_13_allocation_to_a_new_worker_ends_the_wait_and_starts_support(
    wokingham_case, personas
):
    """Issue 13 item 10 (seed 003 s7): a case leaves the waiting list by allocation."""
    from haven.casework.services import case_allocate

    wait(wokingham_case, personas.caseworker)
    case_allocate(
        case=wokingham_case,
        allocated_by=personas.team_leader,
        allocated_to=personas.teammate,
        team=personas.team,
    )
    entry = WaitingListEntry.objects.get()
    assert entry.left_how == WaitingLeftHow.SUPPORT_STARTED
    assert entry.left_reason.startswith("Allocated to ")
    wokingham_case.refresh_from_db()
    assert wokingham_case.state == "engaged"
    assert [t.status for t in contact_tasks(wokingham_case)] == [TaskStatus.CANCELLED]


def test_allocating_to_the_worker_who_holds_it_keeps_the_wait(wokingham_case, personas):
    from haven.casework.services import case_allocate

    case_allocate(
        case=wokingham_case,
        allocated_by=personas.team_leader,
        allocated_to=personas.caseworker,
        team=personas.team,
    )
    wait(wokingham_case, personas.caseworker)
    case_allocate(
        case=wokingham_case,
        allocated_by=personas.team_leader,
        allocated_to=personas.caseworker,
        team=personas.team,
    )
    assert WaitingListEntry.objects.get().left_at is None


def test_closing_ends_the_wait_with_the_closures_reason(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="unplanned",
        exit_reason="other_unplanned",
        reason="Moved away",
        overrides={"exit_risk_assessment": "Left before we could assess"},
    )
    entry = WaitingListEntry.objects.get()
    assert entry.left_how == WaitingLeftHow.CLOSED
    assert entry.left_reason.endswith(": Moved away")
    assert not wokingham_case.tasks.filter(action=CONTACT_ACTION, is_outstanding=True).exists()


def test_a_second_stay_is_a_second_entry(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    case_state_change(case=wokingham_case, to_state="contacting", changed_by=personas.caseworker)
    wait(wokingham_case, personas.caseworker, reason="group_start")
    assert WaitingListEntry.objects.count() == 2
    assert WaitingListEntry.objects.filter(left_at__isnull=True).get().reason == "group_start"


def test_the_contact_task_is_due_two_weeks_after_joining_and_repeats(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    [first] = contact_tasks(wokingham_case)
    joined = WaitingListEntry.objects.get().joined_at
    assert timezone.localtime(first.due_at).date() == timezone.localtime(joined).date() + timedelta(
        weeks=2
    )
    assert "seed 003 s7" in first.explanation
    spoke = timezone.now()
    record(wokingham_case, personas.caseworker, outcome="reached")
    first.refresh_from_db()
    assert first.status == TaskStatus.MET
    _first_done, second = contact_tasks(wokingham_case)
    assert second.is_outstanding
    assert second.rule_key == "waiting_list_contact#2"
    assert timezone.localtime(second.due_at).date() == timezone.localtime(spoke).date() + timedelta(
        weeks=2
    )


def test_a_contact_note_meets_the_contact_task(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    case_note_add(
        case=wokingham_case,
        author=personas.caseworker,
        note_type="contact",
        text="Called to check in",
        happened_at=timezone.now(),
    )
    first, second = contact_tasks(wokingham_case)
    assert first.status == TaskStatus.MET
    assert second.is_outstanding


def test_an_unanswered_call_does_not_meet_the_contact_task(wokingham_case, personas):
    wait(wokingham_case, personas.caseworker)
    record(wokingham_case, personas.caseworker, outcome="no_answer")
    [task] = contact_tasks(wokingham_case)
    assert task.is_outstanding
