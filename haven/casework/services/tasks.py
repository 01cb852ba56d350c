"""Deadline tasks on a case: created from the profile, completed by attempts, the risk checklist
or staff marking them done, breached by the clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import first_contact
from haven.casework.deadline_rules import case_situation, evaluation_for
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseState, NeedsStage, Task, TaskStatus
from haven.casework.rules import is_follow_up
from haven.casework.services.events import case_event_record
from haven.casework.services.needs_assessments import needs_assessment_write
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import REASON_MAX_LENGTH, refuse, text_problem


@transaction.atomic
def deadline_task_fields(case: Any, deadline: Any) -> dict[str, Any]:
    """A new task's fields for one computed deadline (`haven.deadlines`), the case aside: the
    services, the workbook's bulk import and the demo recorder all build tasks from this."""
    rule = deadline.rule
    return {
        "rule_key": rule.key,
        "label": rule.label[:300],
        "action": str(rule.action),
        "due_at": deadline.due,
        "explanation": deadline.explanation,
        "citation": rule.citation,
        "attempts_allowed": rule.attempts,
        # the worklists' copies of the case's allocation (ADR 0004)
        "allocated_to_id": case.allocated_to_id,
        "team_id": case.team_id,
    }


def case_tasks_sync(*, case: Case, actor: User) -> list[Task]:
    """Create a task for every profile rule that now applies and can be computed, once per rule;
    cancel open tasks whose rule no longer applies (e.g. superseded after a risk change)."""
    evaluation = evaluation_for(case.contract, case_situation(case))
    dropped = {rule.key for rule, _ in evaluation.superseded} | {
        r.key for r in evaluation.not_applicable
    }
    for task in case.tasks.filter(
        status=TaskStatus.OPEN, is_outstanding=True, rule_key__in=dropped
    ):
        _cancel(task, actor, "The rule no longer applies to this case")
    existing = set(case.tasks.values_list("rule_key", flat=True))
    created: list[Task] = []
    for deadline in evaluation.computed:
        rule = deadline.rule
        if rule.key in existing:
            continue
        task = Task.objects.create(case=case, **deadline_task_fields(case, deadline))
        created.append(task)
        audit_event(
            actor=actor,
            action=AuditAction.CREATE,
            target=task,
            changes={"due_at": [None, task.due_at]},
        )
        case_event_record(
            case=case,
            kind=CaseEventKind.TASK_CREATED,
            actor=actor,
            target=task,
            summary=f"Deadline set: {rule.label} (due {timezone.localtime(deadline.due):%d %b %Y %H:%M})",
            data={"rule_key": rule.key, "citation": rule.citation},
        )
    return created


def task_complete(*, task: Task, done_at: datetime, actor: User, how: str, note: str = "") -> None:
    """Mark a task done: met when done at or before its due time, otherwise breached (late).

    Also for a task the overnight job already marked breached: it stays breached, now done.
    """
    status = TaskStatus.MET if done_at <= task.due_at else TaskStatus.BREACHED
    before = task.status
    task.completed_at = done_at
    task.status = status
    task.met_at = done_at if status == TaskStatus.MET else None
    task.is_outstanding = False
    task.save(
        update_fields=[
            "completed_at",
            "status",
            "met_at",
            "is_outstanding",
            "attempts_made",
            "updated_at",
        ]
    )
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=task,
        changes={"status": [before, status], "completed_at": [None, done_at]},
    )
    verb = "met" if status == TaskStatus.MET else "done late"
    data = {"rule_key": task.rule_key, "status": status} | ({"note": note} if note else {})
    case_event_record(
        case=task.case,
        kind=CaseEventKind.TASK_COMPLETED,
        actor=actor,
        target=task,
        summary=f"{task.label}: {verb} ({how})",
        data=data,
        occurred_at=done_at,
    )


class TaskNotMarkableError(Exception):
    """This task cannot be marked done by hand (a recorded event meets it, or it is not open)."""


def opened_minute(opened_at: datetime) -> datetime:
    """The minute the case opened: a time entered to the minute may be that minute."""
    return opened_at.replace(second=0, microsecond=0)


def task_done_refusal(task: Task) -> str | None:
    """Why staff may not mark this task done by hand, or None when they may."""
    if (
        task.case.state == CaseState.CLOSED
        and not is_follow_up(task)
        and task.action != first_contact.DATA_QUALITY_ACTION  # correcting the return's data
    ):
        return "The case is closed"  # casework.rules: only follow-up duties after closure
    if task.status == TaskStatus.CANCELLED:
        return "This deadline was cancelled"
    if task.completed_at is not None:
        return "This deadline is already done"
    if task.action in first_contact.FIRST_CONTACT_ACTIONS:
        return "This deadline is met by recording a contact attempt"
    if task.action in first_contact.RISK_CHECKLIST_ACTIONS:
        return "This deadline is met by completing the risk checklist"
    if task.action not in first_contact.MARKED_DONE_ACTIONS:
        return "This deadline is met by a recorded event"
    return None


@transaction.atomic
def task_mark_done(*, task: Task, done_by: User, done_at: datetime, note: str = "") -> Task:
    """Staff say a deadline no recorded event meets was done (met, or done late after its due
    time); refused for first-contact and risk tasks, on a closed case, in the future or before
    the case opened."""
    refuse({"note": text_problem(note, subject="Note", limit=REASON_MAX_LENGTH)})
    task = Task.objects.select_for_update().select_related("case").get(pk=task.pk)
    refusal = task_done_refusal(task)
    if refusal is None and done_at > timezone.now():
        refusal = "It cannot be done in the future"
    if refusal is None and done_at < opened_minute(task.case.opened_at):
        refusal = "It cannot be done before the case opened"
    if refusal:
        raise TaskNotMarkableError(refusal)
    task_complete(task=task, done_at=done_at, actor=done_by, how="marked done", note=note.strip())
    if task.action == "needs_assessment":
        _needs_assessment_record(task, done_by, done_at)
    return task


def needs_assessment_stage(task: Task) -> NeedsStage:
    """Which needs assessment a task is, from its profile rule: "review" for a schedule that
    repeats (seed 002 s3.9, support over 6 months), otherwise "initial". None of the shipped
    profiles' needs-assessment tasks is the reassessment before closure: that is an exit
    requirement ("exit" stage), recorded on its own page, so a task never gives "exit"."""
    try:
        rules = profile_of(task.case.contract).rules()
    except ValueError:
        return NeedsStage.INITIAL
    rule = next((r for r in rules if r.key == task.rule_key), None)
    repeats = rule is not None and rule.repeat_every is not None
    return NeedsStage.REVIEW if repeats else NeedsStage.INITIAL


def _needs_assessment_record(task: Task, actor: User, done_at: datetime) -> None:
    """A NeedsAssessment row for the task (the same kind of row the exit reassessment writes),
    so a needs assessment is one fact however it was recorded."""
    needs_assessment_write(
        case=task.case,
        stage=needs_assessment_stage(task),
        assessed_at=done_at,
        actor=actor,
        task=task,
    )


@transaction.atomic
def tasks_cancel_outstanding(*, case: Case, actor: User, reason: str) -> int:
    """Take the case's outstanding tasks off the worklists (e.g. when it closes): open ones are
    cancelled; a task already breached stays breached (returns count it), only no longer
    outstanding."""
    count = 0
    for task in case.tasks.filter(is_outstanding=True):
        if task.status == TaskStatus.BREACHED:
            _close_breached(task, actor, reason)
        else:
            _cancel(task, actor, reason)
        count += 1
    return count


def _close_breached(task: Task, actor: User, reason: str) -> None:
    """A missed deadline is not undone by closing the case: it stays breached, left undone."""
    task.is_outstanding = False
    task.save(update_fields=["is_outstanding", "updated_at"])
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=task,
        changes={"is_outstanding": [True, False]},
        reason=f"{reason}; the deadline stays breached",
    )


def _cancel(task: Task, actor: User, reason: str) -> None:
    before = task.status
    task.status = TaskStatus.CANCELLED
    task.is_outstanding = False
    task.save(update_fields=["status", "is_outstanding", "updated_at"])
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
            kind=CaseEventKind.TASK_BREACHED,
            actor=None,
            target=task,
            summary=f"Deadline missed: {task.label}",
            data={"rule_key": task.rule_key},
            occurred_at=task.due_at,
        )
    return len(overdue)


# --- data-quality tasks (issue 10 s3; seed 004 s11.1 "100% complete quarterly data with an
# exceptions report and remedial plan") ---------------------------------------------------------

DATA_QUALITY_ACTION = first_contact.DATA_QUALITY_ACTION


class DataQualityTaskError(Exception):
    """No data-quality task can be set on this case (it has no allocated worker)."""


DATA_QUALITY_CITATION = "seed 004 s11.1"


def data_quality_rule_key(field_key: str) -> str:
    """The rule key of a case's data-quality tasks for one field (a later one after the first
    is done takes `#2`, `#3` ...: a task's rule key is unique per case)."""
    return f"data_quality:{field_key}"[:70]


def data_quality_tasks_q(field_key: str) -> Any:
    from django.db.models import Q

    base = data_quality_rule_key(field_key)
    return Q(rule_key=base) | Q(rule_key__startswith=f"{base}#")


@transaction.atomic
def task_create_data_quality(
    *, case: Case, field_key: str, field_label: str, created_by: User, due_at: datetime
) -> tuple[Task, bool]:
    """A task on the case for its allocated worker to record a field the return needs (or
    correct an implausible value). Idempotent: while one is open for the case and field, that
    one is returned and nothing is created. Returns (task, created)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.allocated_to_id is None:
        raise DataQualityTaskError("The case has no allocated worker")
    existing = list(case.tasks.filter(data_quality_tasks_q(field_key)))
    open_task = next((t for t in existing if t.is_outstanding), None)
    if open_task is not None:
        return open_task, False
    base = data_quality_rule_key(field_key)
    rule_key = base if not existing else f"{base}#{len(existing) + 1}"
    label = f"Data quality: {field_label}"[:300]
    task = Task.objects.create(
        case=case,
        rule_key=rule_key,
        label=label,
        action=DATA_QUALITY_ACTION,
        due_at=due_at,
        explanation=(
            f"The contract's return needs this case's {field_label.lower()} recorded or "
            "corrected (seed 004 s11.1: 100% complete quarterly data). Correct the record, "
            "then mark this task done."
        ),
        citation=DATA_QUALITY_CITATION,
        allocated_to_id=case.allocated_to_id,
        team_id=case.team_id,
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=task,
        changes={"due_at": [None, task.due_at], "rule_key": [None, rule_key]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TASK_CREATED,
        actor=created_by,
        target=task,
        summary=f"Deadline set: {label} (due {timezone.localtime(due_at):%d %b %Y %H:%M})",
        data={"rule_key": rule_key, "citation": DATA_QUALITY_CITATION},
    )
    return task, True
