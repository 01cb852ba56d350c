"""Agree and change support plans (their goals and actions). Every write is atomic, refused per
field with the reason, audited, and on the case timeline (STYLE habit 1). Reviews are in
`reviews.py`, safety plans in `safety.py`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record, needs_areas, opened_minute
from haven.casework.services.tasks import task_complete, task_done_refusal
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.plans.models import (
    ActionOwner,
    ActionStatus,
    ActionStatusChange,
    PlanAction,
    PlanGoal,
    PlanReview,
    SupportPlan,
)
from haven.plans.selectors import SUPPORT_PLAN_ACTION, people_due_a_plan, plan_people
from haven.validators import date_problem, format_day, moment_problem, refuse, text_problem

TEXT_MAX_LENGTH = 2_000
AREA_MAX_LENGTH = 100
AGENCY_MAX_LENGTH = 200


@dataclass(frozen=True)
class GoalInput:
    area: str  # a key of the profile's needs-assessment areas, or free text where it has none
    description: str
    reintegration: bool = False
    row: int = 0  # the form's goal row its errors belong to (0: numbered in order)


def support_plan_summary(*, for_survivor: bool, goals: int) -> str:
    """The timeline line: whose plan and how many goals (their words stay on the plan)."""
    whose = "the survivor" if for_survivor else "a child"
    return f"Support plan agreed for {whose}, {goals} goal{'s' if goals != 1 else ''}"


def review_summary(changed: int) -> str:
    return f"Support plan reviewed, {changed} action{'s' if changed != 1 else ''} changed"


def safety_plan_summary(*, for_survivor: bool) -> str:
    return f"Safety plan completed for {'the survivor' if for_survivor else 'a child'}"


def plan_refusal(case: Case) -> str | None:
    """Why no plan may be agreed or changed on this case (a closed case takes nothing), or None."""
    return record_refusal(case)


def area_choices(case: Case) -> list[tuple[str, str]]:
    """The need areas a goal may be in: the profile's needs-assessment areas ([] : free text)."""
    return [(area.key, area.label) for area in needs_areas(case)]


def area_label(case: Case, area: str) -> str:
    return dict(area_choices(case)).get(area, area)


def moment_refusal(case: Case, at: datetime, subject: str) -> str | None:
    """A recorded moment: not in the future, not before the case opened."""
    opened = timezone.localtime(case.opened_at)
    return moment_problem(
        at,
        subject=subject,
        now=timezone.now(),
        not_before=opened_minute(case.opened_at),
        not_before_what=f"{opened:%H:%M} on {format_day(opened.date())}, when the case opened",
    )


def later_date_problem(value: date | None, *, subject: str, after: date) -> str | None:
    """A planned date (next review, withdrawal, due date): on or after `after`."""
    if value is None:
        return None
    return date_problem(value, subject=subject, earliest=after)


def goal_problems(
    case: Case, goals: Sequence[GoalInput], *, numbered: bool = True
) -> dict[str, str | None]:
    """Each goal needs a known area (when the profile has areas) and a description; problems on
    `area_<row>` and `goal_<row>` (`area` and `goal` when not `numbered`)."""
    keys = {key for key, _ in area_choices(case)}
    problems: dict[str, str | None] = {}
    for number, goal in enumerate(goals, start=1):
        suffix = f"_{goal.row or number}" if numbered else ""
        area_field, text_field = f"area{suffix}", f"goal{suffix}"
        if keys and goal.area not in keys:
            problems[area_field] = "Select a need area the contract's needs assessment has"
        elif not keys:
            problems[area_field] = text_problem(
                goal.area, subject="Need area", limit=AREA_MAX_LENGTH
            )
        problems[text_field] = (
            "Enter the goal"
            if not goal.description.strip()
            else text_problem(goal.description, subject="Goal", limit=TEXT_MAX_LENGTH)
        )
    return problems


def _goal_rows(plan: SupportPlan, goals: Sequence[GoalInput]) -> list[PlanGoal]:
    return PlanGoal.objects.bulk_create(
        PlanGoal(
            plan=plan,
            area=goal.area.strip(),
            description=goal.description.strip(),
            reintegration=goal.reintegration,
        )
        for goal in goals
    )


@transaction.atomic
def support_plan_agree(
    *,
    case: Case,
    person: Person,
    recorded_by: User,
    agreed_at: datetime,
    goals: Sequence[GoalInput],
    withdrawal_note: str = "",
    withdrawal_on: date | None = None,
    next_review_on: date | None = None,
) -> SupportPlan:
    """The agreed support plan of the survivor or one child of their household, with its goals.

    Refused on a closed case, for someone the case does not plan for or who already has a plan
    on it, in the future or before the case opened, without a goal, for an area the profile
    does not have, or with a withdrawal or review date before the plan was agreed. When every
    person due a plan (the survivor and each child living with them) has one, it completes the
    case's open support-plan deadline (seed 004 s4.2: within 2 weeks of entering)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    refusal = plan_refusal(case)
    if refusal:
        refuse({NON_FIELD_ERRORS: refusal})
    withdrawal_note = withdrawal_note.strip()
    agreed_on = timezone.localdate(agreed_at)
    allowed = {p.pk for p in plan_people(case)}
    refuse(
        {
            "person": "Select the survivor or a child of their household"
            if person.pk not in allowed
            else (
                "This person already has a support plan on this case: change it instead"
                if SupportPlan.objects.filter(case=case, person=person).exists()
                else None
            ),
            "agreed_at": moment_refusal(case, agreed_at, "Date and time the plan was agreed"),
            "goals": None if goals else "Add at least one goal",
            **goal_problems(case, goals),
            "withdrawal_note": text_problem(
                withdrawal_note, subject="Planned withdrawal", limit=TEXT_MAX_LENGTH
            ),
            "withdrawal_on": later_date_problem(
                withdrawal_on, subject="Planned end of support", after=agreed_on
            ),
            "next_review_on": later_date_problem(
                next_review_on, subject="Next review date", after=agreed_on
            ),
        }
    )
    plan = SupportPlan.objects.create(
        case=case,
        person=person,
        agreed_at=agreed_at,
        withdrawal_note=withdrawal_note,
        withdrawal_on=withdrawal_on,
        next_review_on=next_review_on,
        recorded_by=recorded_by,
    )
    _goal_rows(plan, goals)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=plan,
        changes={  # the goals' words stay on the plan
            "person": [None, str(person.pk)],
            "agreed_at": [None, agreed_at],
            "goal_areas": [None, [goal.area for goal in goals]],
            "withdrawal_on": [None, withdrawal_on],
            "next_review_on": [None, next_review_on],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SUPPORT_PLAN,
        actor=recorded_by,
        target=plan,
        summary=support_plan_summary(for_survivor=person.pk == case.person_id, goals=len(goals)),
        occurred_at=agreed_at,
    )

    _complete_plan_task(case, recorded_by)
    return plan


def _complete_plan_task(case: Case, actor: User) -> Task | None:
    """Meet the case's open support-plan deadline once everyone due a plan has one, at the time
    the last of their plans was agreed."""
    task = (
        Task.objects.select_for_update()
        .select_related("case")
        .filter(case=case, action=SUPPORT_PLAN_ACTION, is_outstanding=True, completed_at=None)
        .order_by("due_at")
        .first()
    )
    if task is None or task_done_refusal(task):
        return None
    due = {p.pk for p in people_due_a_plan(case)}
    agreed = dict(
        SupportPlan.objects.filter(case=case, person_id__in=due).values_list(
            "person_id", "agreed_at"
        )
    )
    if set(agreed) != due:
        return None
    task_complete(task=task, done_at=max(agreed.values()), actor=actor, how="recorded")
    return task


@transaction.atomic
def support_plan_change(
    *,
    plan: SupportPlan,
    changed_by: User,
    withdrawal_note: str,
    withdrawal_on: date | None,
    next_review_on: date | None,
) -> SupportPlan:
    """Change a plan's planned withdrawal and next review (audited with old and new values)."""
    _refuse_closed(plan.case)
    withdrawal_note = withdrawal_note.strip()
    agreed_on = timezone.localdate(plan.agreed_at)
    refuse(
        {
            "withdrawal_note": text_problem(
                withdrawal_note, subject="Planned withdrawal", limit=TEXT_MAX_LENGTH
            ),
            "withdrawal_on": later_date_problem(
                withdrawal_on, subject="Planned end of support", after=agreed_on
            ),
            "next_review_on": later_date_problem(
                next_review_on, subject="Next review date", after=agreed_on
            ),
        }
    )
    after = {
        "withdrawal_note": withdrawal_note,
        "withdrawal_on": withdrawal_on,
        "next_review_on": next_review_on,
    }
    changes = {
        name: [getattr(plan, name), value]
        for name, value in after.items()
        if getattr(plan, name) != value
    }
    if not changes:
        return plan
    for name, value in after.items():
        setattr(plan, name, value)
    plan.save(update_fields=[*after, "updated_at"])
    if "withdrawal_note" in changes:  # the words stay on the plan
        changes["withdrawal_note"] = ["(changed)", "(changed)"]
    audit_event(actor=changed_by, action=AuditAction.UPDATE, target=plan, changes=changes)
    return plan


def _refuse_closed(case: Case) -> None:
    """Refuse when the case is closed, read again under a lock (the caller's copy may be old)."""
    refusal = plan_refusal(Case.objects.select_for_update().get(pk=case.pk))
    if refusal:
        raise ValidationError(refusal)


@transaction.atomic
def plan_goal_add(*, plan: SupportPlan, added_by: User, goal: GoalInput) -> PlanGoal:
    """One more goal on a plan, in a need area of the profile."""
    _refuse_closed(plan.case)
    refuse(goal_problems(plan.case, [goal], numbered=False))
    (row,) = _goal_rows(plan, [goal])
    audit_event(
        actor=added_by,
        action=AuditAction.CREATE,
        target=row,
        changes={"plan": [None, str(plan.pk)], "area": [None, row.area]},
    )
    return row


@transaction.atomic
def plan_action_add(
    *,
    plan: SupportPlan,
    added_by: User,
    description: str,
    owner: str,
    agency: str = "",
    due_on: date | None = None,
    goal: PlanGoal | None = None,
) -> PlanAction:
    """An action on a plan: what, whose (the person, the worker or a named agency), by when."""
    _refuse_closed(plan.case)
    description, agency = description.strip(), agency.strip()
    refuse(
        {
            "description": "Enter the action"
            if not description
            else text_problem(description, subject="Action", limit=TEXT_MAX_LENGTH),
            "owner": None if owner in ActionOwner.values else "Select who will do it",
            "agency": "Enter the agency's name"
            if owner == ActionOwner.AGENCY and not agency
            else text_problem(agency, subject="Agency", limit=AGENCY_MAX_LENGTH),
            "due_on": later_date_problem(
                due_on, subject="Due date", after=timezone.localdate(plan.agreed_at)
            ),
            "goal": "Select a goal of this plan"
            if goal is not None and goal.plan_id != plan.pk
            else None,
        }
    )
    action = PlanAction.objects.create(
        plan=plan,
        goal=goal,
        description=description,
        owner=owner,
        agency=agency if owner == ActionOwner.AGENCY else "",
        due_on=due_on,
        status=ActionStatus.NOT_STARTED,
        status_changed_at=timezone.now(),
    )
    audit_event(
        actor=added_by,
        action=AuditAction.CREATE,
        target=action,
        changes={
            "plan": [None, str(plan.pk)],
            "owner": [None, owner],
            "due_on": [None, due_on],
        },
    )
    return action


def action_status_write(
    *,
    action: PlanAction,
    status: str,
    changed_by: User,
    changed_at: datetime,
    review: PlanReview | None = None,
) -> ActionStatusChange | None:
    """Set an action's status, keep the change as a row and audit it (no change: nothing)."""
    if action.status == status:
        return None
    change = ActionStatusChange.objects.create(
        action=action,
        review=review,
        before=action.status,
        after=status,
        changed_at=changed_at,
        changed_by=changed_by,
    )
    audit_event(
        actor=changed_by,
        action=AuditAction.UPDATE,
        target=action,
        changes={"status": [action.status, status]},
    )
    action.status = status
    action.status_changed_at = changed_at
    action.save(update_fields=["status", "status_changed_at", "updated_at"])
    return change


@transaction.atomic
def plan_action_status_set(*, action: PlanAction, changed_by: User, status: str) -> PlanAction:
    """Update how far an action has got (not started, in progress, done, dropped)."""
    _refuse_closed(action.plan.case)
    refuse({"status": None if status in ActionStatus.values else "Select the action's status"})
    action_status_write(
        action=action, status=status, changed_by=changed_by, changed_at=timezone.now()
    )
    return action
