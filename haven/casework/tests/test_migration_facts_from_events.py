"""Migration 0008 turns the exit interviews, onward referrals and needs assessments kept only as
timeline entries into rows, points each entry at its row, and reverses to how it was."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils import timezone

from haven.casework.models import CaseEvent, ExitInterview, NeedsAssessment, OnwardReferral
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module(
    "haven.casework.migrations.0008_facts_exit_interview_onward_referral_needs_assessment"
)
AT = timezone.now() - dt.timedelta(days=3)


def old_event(case, kind, data, actor=None, target=None):
    """A timeline entry as the services wrote it before the facts had rows."""
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        occurred_at=AT,
        actor=actor,
        summary="Synthetic",
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        data=data,
    )


@pytest.fixture
def case(personas):
    return CaseFactory(contract=personas.contract, team=personas.team)


def test_an_exit_interview_entry_becomes_a_row_the_entry_points_at(case, personas):
    data = {"method": "video", "outcome": "held", "summary": "Synthetic words"}
    event = old_event(case, "exit_interview", data, actor=personas.caseworker)
    migration.facts_from_events(apps, None)
    interview = ExitInterview.objects.get(case=case)
    assert (interview.held_at, interview.method, interview.outcome) == (AT, "video", "held")
    assert (interview.summary, interview.recorded_by) == ("Synthetic words", personas.caseworker)
    event.refresh_from_db()
    assert (event.object_type, event.object_id) == ("casework.exitinterview", str(interview.pk))
    assert event.data == data  # left as it was: nothing counts it now


def test_an_interview_entry_that_did_not_say_how_is_not_recorded_but_held(case):
    old_event(case, "exit_interview", {})  # as the demo data wrote it
    migration.facts_from_events(apps, None)
    interview = ExitInterview.objects.get(case=case)
    assert (interview.method, interview.outcome, interview.recorded_by) == (
        "not_recorded",
        "held",
        None,
    )


@pytest.mark.parametrize(
    ("agency", "agency_type"),
    [
        ("Synthetic Housing Options", "housing"),
        ("Synthetic Children's Social Care", "social_care_children"),
        ("Synthetic Community Mental Health Team", "mental_health"),
        ("Synthetic Sanctuary Scheme", "target_hardening"),
        ("Synthetic GP surgery", "health"),
        ("Synthetic Family Solicitors", "legal"),
        ("Synthetic Alcohol Service", "substance_misuse"),
        ("Synthetic Group Work", "other"),  # "gp" inside a word is no GP
        ("", "other"),
    ],
)
def test_an_onward_referral_takes_a_type_only_when_its_agency_clearly_says(
    case, agency, agency_type
):
    data = {"agency": agency, "consent": True, "need": "Synthetic need", "note": "Synthetic note"}
    old_event(case, "onward_referral", data if agency else {})
    migration.facts_from_events(apps, None)
    referral = OnwardReferral.objects.get(case=case)
    assert referral.agency_type == agency_type
    assert referral.agency == (agency or "Not recorded")
    assert referral.consent is True
    assert (referral.need, referral.note) == (
        ("Synthetic need", "Synthetic note") if agency else ("", "")
    )


def test_needs_assessment_entries_keep_their_stage_and_task(case, personas):
    task = TaskFactory(case=case, action="needs_assessment", rule_key="needs_assessment")
    from_task = old_event(
        case,
        "needs_assessment",
        {"stage": "review", "rule_key": "needs_assessment"},
        actor=personas.caseworker,
        target=task,
    )
    old_event(case, "needs_assessment", {"stage": "exit", "summary": "Synthetic distance"})
    migration.facts_from_events(apps, None)
    review = NeedsAssessment.objects.get(case=case, stage="review")
    assert (review.task, review.rule_key, review.assessed_at) == (task, "needs_assessment", AT)
    exit_stage = NeedsAssessment.objects.get(case=case, stage="exit")
    assert (exit_stage.task, exit_stage.summary) == (None, "Synthetic distance")
    from_task.refresh_from_db()
    assert from_task.object_type == "casework.needsassessment"


def test_running_it_twice_makes_no_second_row(case):
    old_event(case, "exit_interview", {"method": "phone"})
    migration.facts_from_events(apps, None)
    migration.facts_from_events(apps, None)
    assert ExitInterview.objects.count() == 1


def test_other_entries_are_left_alone(case):
    other = old_event(case, "note", {"note_id": "x"})
    migration.facts_from_events(apps, None)
    other.refresh_from_db()
    assert (other.object_type, other.object_id) == ("", "")
    assert not ExitInterview.objects.exists()


def test_reversed_the_rows_go_and_the_entries_point_where_they_did(case, personas):
    task = TaskFactory(case=case, action="needs_assessment")
    from_task = old_event(case, "needs_assessment", {"stage": "initial"}, target=task)
    interview = old_event(case, "exit_interview", {"method": "phone"})
    referral = old_event(case, "onward_referral", {"agency": "Synthetic Housing"})
    migration.facts_from_events(apps, None)
    migration.events_from_facts(apps, None)
    assert not ExitInterview.objects.exists()
    assert not OnwardReferral.objects.exists()
    assert not NeedsAssessment.objects.exists()
    pointers = {
        e.pk: (e.object_type, e.object_id)
        for e in CaseEvent.objects.filter(pk__in=[from_task.pk, interview.pk, referral.pk])
    }
    assert pointers == {
        from_task.pk: ("casework.task", str(task.pk)),
        interview.pk: ("", ""),
        referral.pk: ("", ""),
    }
