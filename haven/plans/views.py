"""A case's support and safety plans: the pages to read them (anyone who may see the case) and
to agree, change and review them (those who may change it; never on a closed case)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.drafts import DraftKeeper
from haven.casework.views.rendering import render_page
from haven.people.models import Person
from haven.plans import forms as plan_forms
from haven.plans.models import SAFETY_SECTIONS, PlanGoal, SafetyPlan, SupportPlan
from haven.plans.reviews import plan_review_record, status_field
from haven.plans.safety import safety_plan_change, safety_plan_record
from haven.plans.selectors import (
    open_plan_review_task,
    open_support_plan_task,
    plan_action_of,
    plan_people,
    plan_summaries,
    safety_plan_of,
    support_plan_of,
)
from haven.plans.services import (
    GoalInput,
    area_choices,
    area_label,
    plan_action_add,
    plan_action_status_set,
    plan_goal_add,
    plan_refusal,
    support_plan_agree,
    support_plan_change,
)


def may_plan(visible: VisibleCase) -> bool:
    return visible.can_change and plan_refusal(visible.case) is None


def _person_name(case: Any, person: Person) -> str:
    return f"{person.full_name} (survivor)" if person.pk == case.person_id else person.full_name


def _people(case: Any, taken: set[Any]) -> list[tuple[str, str]]:
    return [
        (str(person.pk), _person_name(case, person))
        for person in plan_people(case)
        if person.pk not in taken
    ]


def _closed_redirect(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    refusal = plan_refusal(visible.case)
    if refusal:
        messages.info(request, refusal)
        return redirect("plans:list", visible.case.pk)
    return None


def _plan(visible: VisibleCase, plan_id: UUID) -> SupportPlan:
    plan = support_plan_of(visible.case, plan_id)
    if plan is None:
        raise Http404
    return plan


def _form_page(
    request: HttpRequest, visible: VisibleCase, form: Form, title: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "case": visible.case, "title": title, **extra}
    return render_page(request, "plans/form.html", context)


@with_case()
def plan_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    context = {
        "case": case,
        "rows": plan_summaries(case),
        "can_plan": may_plan(visible),
        "survivor_id": case.person_id,
        "area_label": lambda area: area_label(case, area),
    }
    return render_page(request, "plans/plan_list.html", context)


@with_case(change=True)
def plan_agree(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service (it may meet the support-plan deadline), then the plan."""
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    summaries = plan_summaries(case)
    people = _people(case, {row.person.pk for row in summaries if row.plan is not None})
    if not people:
        messages.info(request, "Everyone on this case has a support plan: change or review it")
        return redirect("plans:list", case.pk)
    keeper = DraftKeeper(request, visible, "support_plan", "Agree a support plan")
    if keeper.saving:
        return keeper.save()
    form = keeper.restore(
        plan_forms.SupportPlanForm(
            keeper.data(), opened_at=case.opened_at, people=people, areas=area_choices(case)
        )
    )
    created: list[SupportPlan] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = {str(p.pk): p for p in plan_people(case)}
        goals = [
            GoalInput(
                area=data[f"area_{row}"],
                description=data[f"goal_{row}"],
                reintegration=bool(data[f"reintegration_{row}"]),
                row=row,
            )
            for row in range(1, plan_forms.GOAL_ROWS + 1)
            if data.get(f"area_{row}") or data.get(f"goal_{row}")
        ]
        if form.saved_by(
            lambda: created.append(
                support_plan_agree(
                    case=case,
                    person=chosen[data["person"]],
                    recorded_by=staff_user(request),
                    agreed_at=data["agreed_at"],
                    goals=goals,
                    withdrawal_note=data["withdrawal_note"],
                    withdrawal_on=data["withdrawal_on"],
                    next_review_on=data["next_review_on"],
                )
            ),
        ):
            keeper.done()
            messages.success(request, "Support plan agreed")
            return redirect("plans:detail", case.pk, created[0].pk)
    task = open_support_plan_task(case)
    return _form_page(request, visible, form, keeper.title, task=task, draft=keeper)


@with_case()
def plan_detail(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    case = visible.case
    plan = _plan(visible, plan_id)
    context = {
        "case": case,
        "plan": plan,
        "whom": _person_name(case, plan.person),
        "can_plan": may_plan(visible),
        "area_label": lambda area: area_label(case, area),
    }
    return render_page(request, "plans/plan_detail.html", context)


@with_case(change=True)
def plan_change(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    plan = _plan(visible, plan_id)
    form = plan_forms.PlanChangeForm(
        request.POST if request.method == "POST" else None,
        initial={
            "withdrawal_note": plan.withdrawal_note,
            "withdrawal_on": plan.withdrawal_on,
            "next_review_on": plan.next_review_on,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: support_plan_change(
                plan=plan,
                changed_by=staff_user(request),
                withdrawal_note=data["withdrawal_note"],
                withdrawal_on=data["withdrawal_on"],
                next_review_on=data["next_review_on"],
            ),
        ):
            messages.success(request, "Support plan changed")
            return redirect("plans:detail", visible.case.pk, plan.pk)
    return _form_page(request, visible, form, "Change the planned withdrawal and review", plan=plan)


@with_case(change=True)
def goal_add(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    plan = _plan(visible, plan_id)
    form = plan_forms.GoalForm(
        request.POST if request.method == "POST" else None, areas=area_choices(visible.case)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        goal = GoalInput(
            area=data["area"], description=data["goal"], reintegration=bool(data["reintegration"])
        )
        if form.saved_by(lambda: plan_goal_add(plan=plan, added_by=staff_user(request), goal=goal)):
            messages.success(request, "Goal added")
            return redirect("plans:detail", visible.case.pk, plan.pk)
    return _form_page(request, visible, form, "Add a goal", plan=plan)


@with_case(change=True)
def action_add(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    plan = _plan(visible, plan_id)
    goals: dict[str, PlanGoal] = {str(goal.pk): goal for goal in plan.goals.all()}
    form = plan_forms.ActionForm(
        request.POST if request.method == "POST" else None,
        goals=[
            (key, f"{area_label(case, goal.area)}: {goal.description[:60]}")
            for key, goal in goals.items()
        ],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: plan_action_add(
                plan=plan,
                added_by=staff_user(request),
                description=data["description"],
                owner=data["owner"],
                agency=data["agency"],
                due_on=data["due_on"],
                goal=goals.get(data["goal"]),
            ),
        ):
            messages.success(request, "Action added")
            return redirect("plans:detail", case.pk, plan.pk)
    return _form_page(request, visible, form, "Add an action", plan=plan)


@with_case(change=True)
def action_status(
    request: HttpRequest, visible: VisibleCase, plan_id: UUID, action_id: UUID
) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    plan = _plan(visible, plan_id)
    action = plan_action_of(plan, action_id)
    if action is None:
        raise Http404
    form = plan_forms.ActionStatusForm(
        request.POST if request.method == "POST" else None, initial={"status": action.status}
    )
    if request.method == "POST" and form.is_valid():
        status = form.cleaned_data["status"]
        if form.saved_by(
            lambda: plan_action_status_set(
                action=action, changed_by=staff_user(request), status=status
            ),
        ):
            messages.success(request, "Action updated")
            return redirect("plans:detail", visible.case.pk, plan.pk)
    return _form_page(request, visible, form, "Update an action", plan=plan, action=action)


@with_case(change=True)
def review(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    """GET: the form. POST: the service (it meets the open plan-review deadline), then the plan."""
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    plan = _plan(visible, plan_id)
    open_actions = [action for action in plan.actions.all() if action.is_open]
    task = open_plan_review_task(case)
    form = plan_forms.ReviewForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        actions=[(status_field(a.pk), a.description, a.status) for a in open_actions],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        statuses = {str(a.pk): data[status_field(a.pk)] for a in open_actions}
        if form.saved_by(
            lambda: plan_review_record(
                plan=plan,
                recorded_by=staff_user(request),
                reviewed_at=data["reviewed_at"],
                what_changed=data["what_changed"],
                statuses=statuses,
                next_review_on=data["next_review_on"],
                task=task,
            ),
        ):
            messages.success(request, "Support plan reviewed")
            return redirect("plans:detail", case.pk, plan.pk)
    return _form_page(request, visible, form, "Review the support plan", plan=plan, task=task)


def _safety_plan(visible: VisibleCase, plan_id: UUID) -> SafetyPlan:
    plan = safety_plan_of(visible.case, plan_id)
    if plan is None:
        raise Http404
    return plan


def _sections(data: dict[str, Any]) -> dict[str, str]:
    return {name: data.get(name) or "" for name in SAFETY_SECTIONS}


@with_case(change=True)
def safety_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    taken = {row.person.pk for row in plan_summaries(case) if row.safety_plan is not None}
    people = _people(case, taken)
    if not people:
        messages.info(request, "Everyone on this case has a safety plan: change it instead")
        return redirect("plans:list", case.pk)
    keeper = DraftKeeper(request, visible, "safety_plan", "Make a safety plan")
    if keeper.saving:
        return keeper.save()
    form = keeper.restore(
        plan_forms.SafetyPlanForm(keeper.data(), opened_at=case.opened_at, people=people)
    )
    created: list[SafetyPlan] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = {str(p.pk): p for p in plan_people(case)}
        if form.saved_by(
            lambda: created.append(
                safety_plan_record(
                    case=case,
                    person=chosen[data["person"]],
                    recorded_by=staff_user(request),
                    completed_at=data["completed_at"],
                    sections=_sections(data),
                    reviewed_on=data["reviewed_on"],
                )
            ),
        ):
            keeper.done()
            messages.success(request, "Safety plan recorded")
            return redirect("plans:safety_detail", case.pk, created[0].pk)
    return _form_page(request, visible, form, keeper.title, draft=keeper)


@with_case()
def safety_detail(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    case = visible.case
    plan = _safety_plan(visible, plan_id)
    context = {
        "case": case,
        "plan": plan,
        "whom": _person_name(case, plan.person),
        "sections": [(label, getattr(plan, name)) for name, label in SAFETY_SECTIONS.items()],
        "can_plan": may_plan(visible),
    }
    return render_page(request, "plans/safety_detail.html", context)


@with_case(change=True)
def safety_change(request: HttpRequest, visible: VisibleCase, plan_id: UUID) -> HttpResponse:
    if closed := _closed_redirect(request, visible):
        return closed
    plan = _safety_plan(visible, plan_id)
    form = plan_forms.SafetyPlanForm(
        request.POST if request.method == "POST" else None,
        opened_at=visible.case.opened_at,
        people=None,
        initial={**{n: getattr(plan, n) for n in SAFETY_SECTIONS}, "reviewed_on": plan.reviewed_on},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: safety_plan_change(
                plan=plan,
                changed_by=staff_user(request),
                sections=_sections(data),
                reviewed_on=data["reviewed_on"],
            ),
        ):
            messages.success(request, "Safety plan changed")
            return redirect("plans:safety_detail", visible.case.pk, plan.pk)
    return _form_page(request, visible, form, "Change the safety plan", plan=plan)
