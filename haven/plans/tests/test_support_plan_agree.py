"""`support_plan_agree` and the plan's changes: a plan for the survivor or a child of their
household, goals in the profile's need areas, audited and on the timeline; it meets the
support-plan deadline once everyone due a plan has one (seed 004 s4.2)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, TaskStatus
from haven.core.models import AuditEvent
from haven.plans.models import ActionStatus, ActionStatusChange, PlanGoal, SupportPlan
from haven.plans.services import (
    plan_action_add,
    plan_action_status_set,
    plan_goal_add,
    support_plan_agree,
    support_plan_change,
)
from haven.plans.tests.conftest import a_moment_ago, goal
from haven.testing.casework import TaskFactory
from haven.testing.people import PersonFactory

pytestmark = pytest.mark.django_db


def agree(case, personas, person=None, **fields):
    values = {
        "case": case,
        "person": person or case.person,
        "recorded_by": personas.caseworker,
        "agreed_at": a_moment_ago(),
        "goals": [goal()],
    }
    return support_plan_agree(**(values | fields))


def refusal(case, personas, **fields):
    with pytest.raises(ValidationError) as refused:
        agree(case, personas, **fields)
    return refused.value.message_dict


def plan_task(case):
    return case.tasks.get(rule_key="support_plan")


@pytest.fixture(autouse=True)
def support_plan_deadline(refuge_case):
    """Cornwall's support-plan deadline (its clock starts when the person moves in, which
    casework does not record yet, so the test sets the task as the rule would)."""
    return TaskFactory(
        case=refuge_case,
        rule_key="support_plan",
        action="support_plan",
        label="Agreed support plan",
        due_at=timezone.now() + dt.timedelta(days=4),
        citation="seed 004 s4.2",
    )


def test_cornwalls_rule_is_a_support_plan_two_weeks_from_entering(refuge_case):
    # seed 004 s4.2: agreed support plan for every service user within 2 weeks of entering
    from haven.contracts.profiles.stored import profile_of

    rule = next(r for r in profile_of(refuge_case.contract).rules() if r.key == "support_plan")
    assert (rule.action, rule.start.value, rule.citation) == (
        "support_plan",
        "entered",
        "seed 004 s4.2",
    )


def test_it_agrees_a_plan_with_goals_audit_and_timeline(planning_case, personas):
    plan = agree(
        planning_case,
        personas,
        goals=[goal(), goal(area="physical_health", text="Register with a GP", row=2)],
        withdrawal_note="Weekly, then fortnightly",
        withdrawal_on=timezone.localdate() + dt.timedelta(days=90),
    )
    assert [g.area for g in PlanGoal.objects.filter(plan=plan)] == [
        "accommodation",
        "physical_health",
    ]
    assert plan.withdrawal_note == "Weekly, then fortnightly"
    event = CaseEvent.objects.get(case=planning_case, kind="support_plan")
    assert event.summary == "Support plan agreed for the survivor, 2 goals"
    audit = AuditEvent.objects.get(object_id=str(plan.pk), action="create")
    assert audit.changes["goal_areas"][1] == ["accommodation", "physical_health"]


def test_seed_004_s42_the_deadline_waits_for_each_childs_plan(refuge_case, child, personas):
    # seed 004 s4.2: "an agreed support plan for every service user, including each child"
    agree(refuge_case, personas)
    assert plan_task(refuge_case).completed_at is None
    at = a_moment_ago(2)
    agree(refuge_case, personas, person=child, agreed_at=at)
    task = plan_task(refuge_case)
    assert (task.status, task.completed_at) == (TaskStatus.MET, at)


def test_the_survivors_plan_alone_meets_the_deadline_without_children(refuge_case, personas):
    agree(refuge_case, personas)
    assert plan_task(refuge_case).status == TaskStatus.MET


def test_a_closed_case_takes_no_plan(planning_case, personas):
    planning_case.state = CaseState.CLOSED
    planning_case.save()
    assert "__all__" in refusal(planning_case, personas)
    assert not SupportPlan.objects.exists()


def test_a_future_time_or_one_before_the_case_opened_is_refused(planning_case, personas):
    later = timezone.now() + dt.timedelta(hours=2)
    assert "agreed_at" in refusal(planning_case, personas, agreed_at=later)
    before = planning_case.opened_at - dt.timedelta(days=1)
    assert "agreed_at" in refusal(planning_case, personas, agreed_at=before)


def test_someone_outside_the_household_or_a_second_plan_is_refused(planning_case, personas):
    stranger = PersonFactory(organisation=planning_case.person.organisation)
    assert "person" in refusal(planning_case, personas, person=stranger)
    agree(planning_case, personas)
    assert "already has" in refusal(planning_case, personas)["person"][0]


def test_an_area_the_profile_does_not_have_is_refused(victim_first_case, personas):
    # seed 002 s3.9: Victim First's goals are in its nine need areas
    problems = refusal(victim_first_case, personas, goals=[goal(area="housing")])
    assert "area_1" in problems
    plan = agree(victim_first_case, personas, goals=[goal(area="accommodation")])
    assert plan.goals.get().area == "accommodation"


def test_a_plan_without_goals_or_with_a_review_before_it_is_refused(planning_case, personas):
    assert "goals" in refusal(planning_case, personas, goals=[])
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    assert "next_review_on" in refusal(planning_case, personas, next_review_on=yesterday)


def test_changes_are_audited_with_old_and_new_dates(planning_case, personas):
    plan = agree(planning_case, personas)
    on = timezone.localdate() + dt.timedelta(days=30)
    support_plan_change(
        plan=plan,
        changed_by=personas.caseworker,
        withdrawal_note="",
        withdrawal_on=None,
        next_review_on=on,
    )
    audit = AuditEvent.objects.get(object_id=str(plan.pk), action="update")
    assert audit.changes == {"next_review_on": [None, on.isoformat()]} or audit.changes[
        "next_review_on"
    ][1] in (on, on.isoformat())


def test_goals_and_actions_are_added_and_an_actions_status_changes(planning_case, personas):
    plan = agree(planning_case, personas)
    added = plan_goal_add(plan=plan, added_by=personas.caseworker, goal=goal(area="Money"))
    action = plan_action_add(
        plan=plan,
        added_by=personas.caseworker,
        description="Apply for Universal Credit",
        owner="agency",
        agency="Jobcentre Plus",
        goal=added,
        due_on=timezone.localdate() + dt.timedelta(days=14),
    )
    assert action.owner_text() == "Jobcentre Plus"
    plan_action_status_set(action=action, changed_by=personas.caseworker, status="in_progress")
    action.refresh_from_db()
    assert action.status == ActionStatus.IN_PROGRESS
    change = ActionStatusChange.objects.get(action=action)
    assert (change.before, change.after, change.review) == ("not_started", "in_progress", None)


def test_an_agency_action_names_the_agency_and_a_closed_case_takes_none(planning_case, personas):
    plan = agree(planning_case, personas)
    with pytest.raises(ValidationError) as refused:
        plan_action_add(
            plan=plan, added_by=personas.caseworker, description="Refer", owner="agency"
        )
    assert "agency" in refused.value.message_dict
    planning_case.state = CaseState.CLOSED
    planning_case.save()
    with pytest.raises(ValidationError):
        plan_goal_add(plan=plan, added_by=personas.caseworker, goal=goal())


def test_only_the_earliest_support_plan_deadline_is_met(refuge_case, personas):
    task = TaskFactory(
        case=refuge_case,
        action="support_plan",
        rule_key="other_plan_rule",
        due_at=timezone.now() + dt.timedelta(days=30),
    )
    agree(refuge_case, personas)
    task.refresh_from_db()
    # the earliest open support-plan deadline is met; this later one stays open
    assert plan_task(refuge_case).status == TaskStatus.MET
    assert task.completed_at is None
