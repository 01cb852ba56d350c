"""Review a support plan: what changed, the actions' new statuses and the next review's date
(seed 004 s4.2: "no less than 10 weeks into stay and prior to exit"; on request any time). A
review recorded for the case's open support-plan review deadline completes it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task
from haven.casework.services import case_event_record
from haven.casework.services.tasks import task_complete, task_done_refusal
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.plans.models import ActionStatus, PlanReview, SupportPlan
from haven.plans.selectors import is_plan_review_rule
from haven.plans.services import (
    TEXT_MAX_LENGTH,
    action_status_write,
    later_date_problem,
    moment_refusal,
    plan_refusal,
    review_summary,
)
from haven.validators import refuse, text_problem


def status_field(action_id: object) -> str:
    return f"status_{action_id}"


@transaction.atomic
def plan_review_record(
    *,
    plan: SupportPlan,
    recorded_by: User,
    reviewed_at: datetime,
    what_changed: str,
    statuses: Mapping[str, str] | None = None,
    next_review_on: date | None = None,
    task: Task | None = None,
) -> PlanReview:
    """A review of the plan; `statuses` maps an action's id (str) to its new status.

    Refused on a closed case, in the future, before the case opened or the plan was agreed,
    without what changed, for an action of another plan or an unknown status, a next review
    before this one, or a task that is not this case's open support-plan review deadline.

    Any review of a plan of the case meets the case's review deadline it is recorded for: the
    deadline is the case's (one per case, not one per person), and the plans of one household
    are reviewed together."""
    case = Case.objects.select_for_update().get(pk=plan.case_id)
    refusal = plan_refusal(case)
    if refusal:
        refuse({NON_FIELD_ERRORS: refusal})
    if task is not None:
        task = Task.objects.select_for_update().select_related("case").get(pk=task.pk)
    statuses = dict(statuses or {})
    what_changed = what_changed.strip()
    actions = {str(action.pk): action for action in plan.actions.all()}
    refuse(
        {
            "reviewed_at": moment_refusal(case, reviewed_at, "Date and time of the review")
            or (
                "Date and time of the review must be after the plan was agreed"
                if reviewed_at < plan.agreed_at.replace(second=0, microsecond=0)
                else None
            ),
            "what_changed": "Enter what changed"
            if not what_changed
            else text_problem(what_changed, subject="What changed", limit=TEXT_MAX_LENGTH),
            "next_review_on": later_date_problem(
                next_review_on,
                subject="Next review date",
                after=timezone.localdate(reviewed_at),
            ),
            "task": _task_problem(case, task),
            **{
                status_field(key): "Select the action's status"
                for key, status in statuses.items()
                if status not in ActionStatus.values
            },
            NON_FIELD_ERRORS: "An action is not of this plan"
            if set(statuses) - set(actions)
            else None,
        }
    )
    if task is not None:
        task_complete(task=task, done_at=reviewed_at, actor=recorded_by, how="recorded")
    review = PlanReview.objects.create(
        plan=plan,
        reviewed_at=reviewed_at,
        what_changed=what_changed,
        next_review_on=next_review_on,
        task=task,
        recorded_by=recorded_by,
    )
    changed = [
        action_status_write(
            action=actions[key],
            status=status,
            changed_by=recorded_by,
            changed_at=reviewed_at,
            review=review,
        )
        for key, status in statuses.items()
    ]
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=review,
        changes={
            "plan": [None, str(plan.pk)],
            "reviewed_at": [None, reviewed_at],
            "next_review_on": [None, next_review_on],
            "task": [None, str(task.pk) if task else None],
        },
    )
    count = sum(1 for change in changed if change is not None)
    case_event_record(
        case=case,
        kind=CaseEventKind.SUPPORT_PLAN_REVIEW,
        actor=recorded_by,
        target=review,
        summary=review_summary(count),
        occurred_at=reviewed_at,
    )
    return review


def _task_problem(case: Case, task: Task | None) -> str | None:
    if task is None:
        return None
    if task.case_id != case.pk or not is_plan_review_rule(task.rule_key, task.action):
        return "This is not a support plan review deadline of this case"
    return task_done_refusal(task)
