"""A case with a support plan (one action) and a safety plan, and the URLs of every plans page."""

from django.urls import reverse
from django.utils import timezone

from haven.plans.safety import safety_plan_record
from haven.plans.services import GoalInput, plan_action_add, support_plan_agree


def with_plans(case, user):
    plan = support_plan_agree(
        case=case,
        person=case.person,
        recorded_by=user,
        agreed_at=timezone.now(),
        goals=[GoalInput(area="accommodation", description="A safe place to live")],
    )
    action = plan_action_add(plan=plan, added_by=user, description="View flats", owner="person")
    safety = safety_plan_record(
        case=case,
        person=case.person,
        recorded_by=user,
        completed_at=timezone.now(),
        sections={"emergency": "Call 999 and press 55"},
    )
    return plan, action, safety


def read_pages(case, plan, safety):
    return {
        "list": reverse("plans:list", args=[case.pk]),
        "detail": reverse("plans:detail", args=[case.pk, plan.pk]),
        "safety_detail": reverse("plans:safety_detail", args=[case.pk, safety.pk]),
    }


def change_pages(case, plan, action, safety):
    """The pages that change the case (the agree and safety pages need someone without a plan:
    the tests add a child)."""
    return {
        "agree": reverse("plans:agree", args=[case.pk]),
        "change": reverse("plans:change", args=[case.pk, plan.pk]),
        "goal_add": reverse("plans:goal_add", args=[case.pk, plan.pk]),
        "action_add": reverse("plans:action_add", args=[case.pk, plan.pk]),
        "action_status": reverse("plans:action_status", args=[case.pk, plan.pk, action.pk]),
        "review": reverse("plans:review", args=[case.pk, plan.pk]),
        "safety_record": reverse("plans:safety_record", args=[case.pk]),
        "safety_change": reverse("plans:safety_change", args=[case.pk, safety.pk]),
    }
