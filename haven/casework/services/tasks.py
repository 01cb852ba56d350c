"""Deadline tasks on a case: created from the profile, completed by attempts, breached by the clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.casework.deadline_rules import case_situation, evaluation_for
from haven.casework.models import Case, Task, TaskStatus
from haven.casework.services.events import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction


@transaction.atomic
def case_tasks_sync(*, case: Case, actor: Any) -> list[Task]:
    """Create a task for every profile rule that now applies and can be computed, once per rule;
    cancel open tasks whose rule no longer applies (e.g. superseded after a risk change)."""
    evaluation = evaluation_for(case.contract, case_situation(case))
    dropped = {rule.key for rule, _ in evaluation.superseded} | {
        r.key for r in evaluation.not_applicable
    }
    for task in case.tasks.filter(
        status=TaskStatus.OPEN, completed_at__isnull=True, rule_key__in=dropped
    ):
        _cancel(task, actor, "The rule no longer applies to this case")
    existing = set(case.tasks.values_list("rule_key", flat=True))
    created: list[Task] = []
    for deadline in evaluation.computed:
        rule = deadline.rule
        if rule.key in existing:
            continue
        task = Task.objects.create(
            case=case,
            rule_key=rule.key,
            label=rule.label[:300],
            action=str(rule.action),
            due_at=deadline.due,
            explanation=deadline.explanation,
            citation=rule.citation,
            attempts_allowed=rule.attempts,
        )
        created.append(task)
        audit_event(
            actor=actor,
            action=AuditAction.CREATE,
            target=task,
            changes={"due_at": [None, task.due_at]},
        )
        case_event_record(
            case=case,
            kind="task_created",
            actor=actor,
            target=task,
            summary=f"Deadline set: {rule.label} (due {timezone.localtime(deadline.due):%d %b %Y %H:%M})",
            data={"rule_key": rule.key, "citation": rule.citation},
        )
    return created


def task_complete(*, task: Task, done_at: datetime, actor: Any, how: str) -> None:
    """Mark a task done: met when done at or before its due time, otherwise breached (late)."""
    status = TaskStatus.MET if done_at <= task.due_at else TaskStatus.BREACHED
    before = task.status
    task.completed_at = done_at
    task.status = status
    task.met_at = done_at if status == TaskStatus.MET else None
    task.save(update_fields=["completed_at", "status", "met_at", "attempts_made", "updated_at"])
    audit_event(
        actor=actor, action=AuditAction.UPDATE, target=task, changes={"status": [before, status]}
    )
    verb = "met" if status == TaskStatus.MET else "done late"
    case_event_record(
        case=task.case,
        kind="task_completed",
        actor=actor,
        target=task,
        summary=f"{task.label}: {verb} ({how})",
        data={"rule_key": task.rule_key, "status": status},
        occurred_at=done_at,
    )


@transaction.atomic
def tasks_cancel_outstanding(*, case: Case, actor: Any, reason: str) -> int:
    """Cancel the case's outstanding tasks (e.g. when it closes)."""
    count = 0
    for task in case.tasks.filter(completed_at__isnull=True).exclude(status=TaskStatus.CANCELLED):
        _cancel(task, actor, reason)
        count += 1
    return count


def _cancel(task: Task, actor: Any, reason: str) -> None:
    before = task.status
    task.status = TaskStatus.CANCELLED
    task.save(update_fields=["status", "updated_at"])
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=task,
        changes={"status": [before, TaskStatus.CANCELLED]},
        reason=reason,
    )


@transaction.atomic
def tasks_mark_breached(*, now: datetime | None = None) -> int:
    """Mark every open task whose due time has passed as breached (cron: `haven deadlines refresh`)."""
    now = now or timezone.now()
    overdue = list(
        Task.objects.filter(status=TaskStatus.OPEN, due_at__lt=now).select_related("case")
    )
    for task in overdue:
        task.status = TaskStatus.BREACHED
        task.save(update_fields=["status", "updated_at"])
        audit_event(
            actor=None,
            action=AuditAction.UPDATE,
            target=task,
            changes={"status": ["open", "breached"]},
        )
        case_event_record(
            case=task.case,
            kind="task_breached",
            actor=None,
            target=task,
            summary=f"Deadline missed: {task.label}",
            data={"rule_key": task.rule_key},
            occurred_at=task.due_at,
        )
    return len(overdue)
