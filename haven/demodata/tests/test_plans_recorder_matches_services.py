"""The demo's plan rows match what the plans services write for the same plan: the support plan,
its goals and actions, a review with its status changes and the review deadline met, a safety
plan, and their timeline entries (ids and times of writing aside)."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.casework.tests.exit_fixtures import refuge_case
from haven.demodata.recorder import CaseRecorder
from haven.people.safe_contact import SafeContactPreferences
from haven.plans.models import ActionStatusChange, PlanAction, PlanGoal, SafetyPlan
from haven.plans.reviews import plan_review_record
from haven.plans.safety import safety_plan_record
from haven.plans.services import GoalInput, plan_action_add, support_plan_agree
from haven.testing.casework import TaskFactory
from haven.testing.fixtures import contract_for, open_case

__all__ = ["contract_for", "open_case", "refuge_case"]

pytestmark = pytest.mark.django_db
GOALS = [
    ("accommodation", "A safe, settled home", False),  # Cornwall's needs areas (seed 004 s7.5)
    ("education_employment", "Back to school", True),
]
SECTIONS = {"safe_contacts": "Sister", "emergency": "Call 999 and press 55"}


def _values(rows, fields):
    return sorted(tuple(getattr(row, f) for f in fields) for row in rows)


def test_the_recorder_writes_the_plans_the_services_write(refuge_case, personas):
    worker = personas.caseworker
    agreed = timezone.now() - timedelta(days=3)
    reviewed = timezone.now() - timedelta(hours=2)
    due = timezone.localdate() + timedelta(days=14)
    review_task = TaskFactory(
        case=refuge_case, rule_key="support_plan_review_week_10", action="review"
    )

    plan = support_plan_agree(
        case=refuge_case,
        person=refuge_case.person,
        recorded_by=worker,
        agreed_at=agreed,
        goals=[GoalInput(area=a, description=d, reintegration=r) for a, d, r in GOALS],
    )
    action = plan_action_add(
        plan=plan, added_by=worker, description="Call housing", owner="person", due_on=due
    )
    plan_review_record(
        plan=plan,
        recorded_by=worker,
        reviewed_at=reviewed,
        what_changed="Progress on the goals reviewed; actions updated",
        statuses={str(action.pk): "done"},
        task=review_task,
    )
    safety_plan_record(
        case=refuge_case,
        person=refuge_case.person,
        recorded_by=worker,
        completed_at=agreed,
        sections=SECTIONS,
    )

    recorder = CaseRecorder(
        case=refuge_case,
        referral=refuge_case.referral,
        preferences=SafeContactPreferences(),
        new_id=uuid.uuid4,
    )
    recorder.tasks = [
        TaskFactory.build(
            case=refuge_case,
            rule_key="support_plan_review_week_10",
            action="review",
            due_at=review_task.due_at,
            is_outstanding=True,
        )
    ]
    recorded = recorder.support_plan(
        actor=worker,
        person_id=refuge_case.person_id,
        at=agreed,
        goals=GOALS,
        actions=[("Call housing", "person", "", due)],
        withdrawal_on=None,
        new_id=uuid.uuid4,
    )
    recorder.plan_review(
        actor=worker,
        plan=recorded,
        at=reviewed,
        statuses={recorder.plan_actions[0].id: "done"},
        next_review_on=None,
        new_id=uuid.uuid4,
    )
    recorder.safety_plan(
        actor=worker, person_id=refuge_case.person_id, at=agreed, new_id=uuid.uuid4
    )

    assert (recorded.person_id, recorded.agreed_at) == (plan.person_id, plan.agreed_at)
    goal_fields = ("area", "description", "reintegration")
    assert _values(recorder.plan_goals, goal_fields) == _values(
        PlanGoal.objects.filter(plan=plan), goal_fields
    )
    action_fields = ("description", "owner", "agency", "due_on", "status")
    assert _values(recorder.plan_actions, action_fields) == _values(
        PlanAction.objects.filter(plan=plan), action_fields
    )
    change_fields = ("before", "after", "changed_at")
    assert _values(recorder.status_changes, change_fields) == _values(
        ActionStatusChange.objects.all(), change_fields
    )
    assert recorder.plan_reviews[0].what_changed == plan.reviews.get().what_changed
    review_task.refresh_from_db()
    assert (recorder.tasks[0].status, recorder.tasks[0].completed_at) == (
        review_task.status,
        review_task.completed_at,
    )
    safety = SafetyPlan.objects.get(case=refuge_case)
    assert (recorder.safety_plans[0].person_id, recorder.safety_plans[0].completed_at) == (
        safety.person_id,
        safety.completed_at,
    )
    kinds = ("support_plan", "support_plan_review", "safety_plan")
    written = CaseEvent.objects.filter(case=refuge_case, kind__in=kinds)
    mine = [e for e in recorder.events if e.kind in kinds]
    assert sorted((e.kind, e.summary) for e in mine) == sorted((e.kind, e.summary) for e in written)
