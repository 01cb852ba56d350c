"""Reads of support and safety plans, always through a case the viewer was already given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Prefetch, QuerySet

from haven.casework.models import Case, Task
from haven.people.models import HouseholdLink, Person
from haven.plans.models import (
    OPEN_STATUSES,
    PlanAction,
    PlanReview,
    SafetyPlan,
    SupportPlan,
)

SUPPORT_PLAN_ACTION = "support_plan"
REVIEW_ACTION = "review"


def is_plan_review_rule(rule_key: str, action: str) -> bool:
    """Whether a deadline is a support-plan review that a recorded plan review meets.

    Not every profile rule with action `review` reviews a support plan: Cornwall's
    `children_move_on_support` and `resettlement_support_review` start when the case closes
    (move-on and resettlement support after leaving, when no plan may change), Victim First's
    `dependency_review` weighs dependency and volunteers, and the perpetrator programme's
    `group_programme_completion_review` checks a programme's completion. Only rules named as
    support-plan reviews (Cornwall's `support_plan_review_week_10`, seed 004 s4.2) are met here;
    the others are still marked done by hand.
    """
    return action == REVIEW_ACTION and rule_key.startswith("support_plan_review")


def household_children(case: Case) -> list[Person]:
    """The children recorded in the household of the case's survivor (people.HouseholdLink)."""
    links = (
        HouseholdLink.objects.filter(person_id=case.person_id)
        .select_related("member")
        .order_by("member__given_name", "member__family_name", "member_id")
    )
    return [link.member for link in links]


def plan_people(case: Case) -> list[Person]:
    """Whom a plan on this case may be for: the survivor, then each child of their household."""
    return [case.person, *household_children(case)]


def people_due_a_plan(case: Case) -> list[Person]:
    """Who must have an agreed support plan before the case's support-plan deadline is met:
    the survivor and each child living with them (seed 004 s4.2: "every service user,
    including each child")."""
    living = HouseholdLink.objects.filter(person_id=case.person_id, lives_with_person=True)
    return [case.person, *(link.member for link in living.select_related("member"))]


def support_plans_for(case: Case) -> QuerySet[SupportPlan]:
    """The case's support plans with their goals, actions and reviews (survivor's first)."""
    return (
        SupportPlan.objects.filter(case=case)
        .select_related("person")
        .prefetch_related(
            "goals",
            Prefetch("actions", queryset=PlanAction.objects.select_related("goal")),
            Prefetch("reviews", queryset=PlanReview.objects.select_related("recorded_by")),
        )
    )


def support_plan_of(case: Case, plan_id: UUID | str) -> SupportPlan | None:
    """One plan of the case (None when the id is not of a plan of this case)."""
    return support_plans_for(case).filter(pk=plan_id).first()


def plan_action_of(plan: SupportPlan, action_id: UUID | str) -> PlanAction | None:
    return PlanAction.objects.filter(plan=plan, pk=action_id).select_related("goal").first()


def safety_plans_for(case: Case) -> QuerySet[SafetyPlan]:
    return SafetyPlan.objects.filter(case=case).select_related("person")


def safety_plan_of(case: Case, plan_id: UUID | str) -> SafetyPlan | None:
    return safety_plans_for(case).filter(pk=plan_id).first()


def open_support_plan_task(case: Case) -> Task | None:
    """The case's outstanding support-plan deadline, if any (seed 004 s4.2: within 2 weeks)."""
    return (
        Task.objects.filter(
            case=case, action=SUPPORT_PLAN_ACTION, is_outstanding=True, completed_at=None
        )
        .order_by("due_at")
        .first()
    )


def open_plan_review_task(case: Case) -> Task | None:
    """The earliest outstanding support-plan review deadline of the case, if any."""
    tasks = Task.objects.filter(
        case=case, action=REVIEW_ACTION, is_outstanding=True, completed_at=None
    ).order_by("due_at")
    return next((t for t in tasks if is_plan_review_rule(t.rule_key, t.action)), None)


@dataclass(frozen=True)
class PlanSummary:
    """One person's plans on the case page."""

    person: Person
    plan: SupportPlan | None
    open_actions: list[PlanAction]
    next_review_on: date | None
    safety_plan: SafetyPlan | None


def plan_summaries(case: Case) -> list[PlanSummary]:
    """For each person a plan may be for: their support plan, open actions, next review date
    and safety plan (None where there is none yet)."""
    plans = {plan.person_id: plan for plan in support_plans_for(case)}
    safety = {plan.person_id: plan for plan in safety_plans_for(case)}
    rows = []
    for person in plan_people(case):
        plan = plans.get(person.pk)
        actions = [a for a in plan.actions.all() if a.status in OPEN_STATUSES] if plan else []
        rows.append(
            PlanSummary(
                person=person,
                plan=plan,
                open_actions=actions,
                next_review_on=next_review_on(plan) if plan else None,
                safety_plan=safety.get(person.pk),
            )
        )
    return rows


def next_review_on(plan: SupportPlan) -> date | None:
    """The date the latest review set for the next one, else the plan's own."""
    reviews = list(plan.reviews.all())
    return reviews[0].next_review_on if reviews else plan.next_review_on
