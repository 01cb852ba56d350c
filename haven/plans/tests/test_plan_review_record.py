"""`plan_review_record`: what changed, the actions' new statuses and the next review; it meets
the case's open support-plan review deadline (Cornwall's week 10, seed 004 s4.2) and no other
`review` deadline (move-on support after closure is a follow-up, not a plan review)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, TaskStatus
from haven.plans.models import ActionStatusChange, PlanReview
from haven.plans.reviews import plan_review_record
from haven.plans.selectors import is_plan_review_rule, open_plan_review_task
from haven.plans.services import plan_action_add, support_plan_agree
from haven.plans.tests.conftest import a_moment_ago, goal
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(refuge_case, personas):
    return support_plan_agree(
        case=refuge_case,
        person=refuge_case.person,
        recorded_by=personas.caseworker,
        agreed_at=a_moment_ago(60),
        goals=[goal()],
    )


def review_task(case, rule_key="support_plan_review_week_10", **fields):
    return TaskFactory(
        case=case,
        rule_key=rule_key,
        action="review",
        label="Support plan reviewed no later than week 10",
        due_at=timezone.now() + dt.timedelta(days=3),
        **fields,
    )


def review(plan, personas, **fields):
    values = {
        "plan": plan,
        "recorded_by": personas.caseworker,
        "reviewed_at": a_moment_ago(),
        "what_changed": "Moved to a flat; GP registered",
    }
    return plan_review_record(**(values | fields))


def refusal(plan, personas, **fields):
    with pytest.raises(ValidationError) as refused:
        review(plan, personas, **fields)
    return refused.value.message_dict


def test_seed_004_s42_cornwalls_week_10_review_is_a_plan_review_and_move_on_is_not(refuge_case):
    # seed 004 s4.2: reviewed no less than 10 weeks into stay; move-on support after leaving
    from haven.contracts.profiles.stored import profile_of

    rules = {r.key: r for r in profile_of(refuge_case.contract).rules()}
    week_10 = rules["support_plan_review_week_10"]
    move_on = rules["children_move_on_support"]
    assert is_plan_review_rule(week_10.key, week_10.action)
    assert move_on.action == "review"
    assert not is_plan_review_rule(move_on.key, move_on.action)
    assert not is_plan_review_rule("dependency_review", "review")  # seed 002 s10


def test_it_records_the_review_and_meets_the_week_10_deadline(refuge_case, plan, personas):
    task = review_task(refuge_case)
    assert open_plan_review_task(refuge_case) == task
    at = a_moment_ago()
    next_on = timezone.localdate() + dt.timedelta(days=28)
    recorded = review(plan, personas, reviewed_at=at, task=task, next_review_on=next_on)
    task.refresh_from_db()
    assert (task.status, task.completed_at) == (TaskStatus.MET, at)
    assert (recorded.task, recorded.next_review_on) == (task, next_on)
    event = CaseEvent.objects.get(case=refuge_case, kind="support_plan_review")
    assert event.summary == "Support plan reviewed, 0 actions changed"


def test_the_review_changes_action_statuses_and_keeps_each_change(plan, personas):
    action = plan_action_add(
        plan=plan, added_by=personas.caseworker, description="View flats", owner="person"
    )
    recorded = review(plan, personas, statuses={str(action.pk): "done"})
    action.refresh_from_db()
    assert action.status == "done"
    change = ActionStatusChange.objects.get(action=action)
    assert (change.review, change.before, change.after) == (recorded, "not_started", "done")


def test_a_move_on_review_after_closure_or_another_cases_task_is_refused(
    refuge_case, plan, personas, open_case
):
    move_on = review_task(refuge_case, rule_key="children_move_on_support")
    assert open_plan_review_task(refuge_case) is None
    assert "task" in refusal(plan, personas, task=move_on)
    other = review_task(open_case(refuge_case.contract))
    assert "task" in refusal(plan, personas, task=other)
    assert not PlanReview.objects.exists()


def test_a_closed_case_future_time_or_early_next_review_is_refused(refuge_case, plan, personas):
    future = timezone.now() + dt.timedelta(hours=1)
    assert "reviewed_at" in refusal(plan, personas, reviewed_at=future)
    past = timezone.localdate() - dt.timedelta(days=2)
    assert "next_review_on" in refusal(plan, personas, next_review_on=past)
    assert "what_changed" in refusal(plan, personas, what_changed="  ")
    assert "status_x" in refusal(plan, personas, statuses={"x": "finished"})
    refuge_case.state = CaseState.CLOSED
    refuge_case.save()
    assert "__all__" in refusal(plan, personas)
