"""Risk reassessments from the profile's `risk:` section: a reassessment that is a window (seed 004
s4.2, "at 10-12 week midpoint"), the task a recorded change of risk creates (seed 004 s4.2,
"after any incident/change of risk") and the risk register's review tasks (seed 001 s5)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.deadline_rules import case_situation
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task, TaskStatus
from haven.casework.services import case_event_record
from haven.casework.services.closed import refuse_if_closed
from haven.casework.services.tasks import opened_minute
from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.sections import RiskSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import Duration, clock_start, due_time
from haven.risk.models import RiskAssessment, RiskChange, RiskStage
from haven.validators import date_problem, refuse, text_problem

CHANGE_RULE_KEY = "risk_reassessment_change"
REGISTER_RULE_KEY = "risk_register_review"
CHANGE_REASON_MAX_LENGTH = 1000  # "a short reason": it is the timeline's summary


def _profile(contract: Any) -> Profile | None:
    try:
        return profile_of(contract)
    except ValueError:  # stub contracts in tests carry no valid profile
        return None


def risk_spec_of(contract: Any) -> RiskSpec | None:
    profile = _profile(contract)
    return profile.risk if profile is not None else None


def _start_of_day(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    return datetime.combine(local.date(), time.min, tzinfo=local.tzinfo)


def window_opens_at(case: Case, task: Task) -> datetime | None:
    """When the task's reassessment window opens (seed 004 s4.2: the midpoint is "10-12 weeks",
    so not before week 10), or None when the task is no window (any checklist meets it)."""
    return window_opens_for(case, task.rule_key)


def window_opens_for(case: Case, rule_key: str) -> datetime | None:
    """`window_opens_at` by rule key (the demo recorder's unsaved tasks use it too)."""
    profile = _profile(case.contract)
    spec = profile.risk.reassessments if profile and profile.risk else None
    window = next((w for w in (spec.windows if spec else []) if w.rule == rule_key), None)
    if profile is None or window is None:
        return None
    rule = next((r for r in profile.rules() if r.key == window.rule), None)
    event_at = case_situation(case).events.get(rule.start) if rule else None
    if rule is None or event_at is None:
        return None
    clock = profile.service_clock()
    start = clock_start(rule, event_at, clock).starts_at
    # the window opens on the first day of the duration's last day (day 70 for 10 weeks)
    opens = due_time(window.opens.to_duration(), start, clock.calendar, clock.timezone)
    return _start_of_day(opens)


def reassessment_task_for(case: Case, assessment: RiskAssessment) -> Task | None:
    """The outstanding risk-assessment task this checklist meets: the earliest due whose window
    is open when it was completed; a checklist after an incident or change of risk meets that
    change's task first."""
    outstanding = list(
        case.tasks.filter(action="risk_assessment", completed_at__isnull=True)
        .exclude(status=TaskStatus.CANCELLED)
        .order_by("due_at")
    )
    open_now = [
        task
        for task in outstanding
        if (opens := window_opens_at(case, task)) is None or assessment.completed_at >= opens
    ]
    if assessment.stage == RiskStage.INCIDENT:
        changes = [t for t in open_now if t.rule_key.startswith(CHANGE_RULE_KEY)]
        if changes:
            return changes[0]
    return open_now[0] if open_now else None


def _next_rule_key(case: Case, base: str) -> str:
    """A task's rule key is unique per case: the second of a kind takes `#2`, and so on."""
    taken = case.tasks.filter(rule_key__startswith=base).count()
    return base if taken == 0 else f"{base}#{taken + 1}"


def _task_create(
    case: Case,
    actor: User,
    *,
    base: str,
    label: str,
    action: str,
    due_at: datetime,
    explanation: str,
    citation: str,
) -> Task:
    rule_key = _next_rule_key(case, base)
    task = Task.objects.create(
        case=case,
        rule_key=rule_key,
        label=label[:300],
        action=action,
        due_at=due_at,
        explanation=explanation,
        citation=citation[:100],
        allocated_to_id=case.allocated_to_id,
        team_id=case.team_id,
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=task,
        changes={"due_at": [None, due_at], "rule_key": [None, rule_key]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TASK_CREATED,
        actor=actor,
        target=task,
        summary=f"Deadline set: {label} (due {timezone.localtime(due_at):%d %b %Y %H:%M})",
        data={"rule_key": rule_key, "citation": citation},
    )
    return task


def _due(case: Case, duration: Duration, start: datetime) -> datetime:
    profile = _profile(case.contract)
    assert profile is not None  # callers found a spec in it
    clock = profile.service_clock()
    return due_time(duration, start, clock.calendar, clock.timezone)


def reassessment_task_create(*, case: Case, actor: User, start: datetime, why: str) -> Task | None:
    """The reassessment task after an incident or change of risk (seed 004 s4.2), due as the
    profile's `risk.reassessments.on_change_of_risk` says; None when the profile asks for none.
    For other apps recording an incident too (e.g. MARAC's "Record a new incident")."""
    fields = change_task_fields(case, start, why)
    if fields is None:
        return None
    return _task_create(case, actor, base=CHANGE_RULE_KEY, **fields)


def change_task_fields(case: Case, start: datetime, why: str) -> dict[str, Any] | None:
    """The reassessment task's label, action, due time, explanation and citation after an
    incident or change of risk at `start` (the demo recorder uses it too); None when the
    profile sets no `risk.reassessments.on_change_of_risk`."""
    spec = risk_spec_of(case.contract)
    change = spec.reassessments.on_change_of_risk if spec and spec.reassessments else None
    if change is None:
        return None
    duration = change.due.to_duration()
    due_at = _due(case, duration, start)
    return {
        "label": f"Risk reassessment after {why}",
        "action": "risk_assessment",
        "due_at": due_at,
        "explanation": (
            f"Risk is reassessed after any incident or change of risk ({change.citation}): "
            f"{duration.describe()} from {timezone.localtime(start):%d %b %Y %H:%M}, due "
            f"{timezone.localtime(due_at):%d %b %Y %H:%M}. Completing the risk checklist meets it."
        ),
        "citation": change.citation,
    }


def _change_problems(case: Case, occurred_at: datetime, reason: str) -> dict[str, str | None]:
    problems: dict[str, str | None] = {}
    if not reason.strip():
        problems["reason"] = "Enter why the risk has changed"
    else:
        problems["reason"] = text_problem(
            reason, subject="The reason", limit=CHANGE_REASON_MAX_LENGTH
        )
    when = date_problem(timezone.localdate(occurred_at), subject="Date of the change")
    if when is None and occurred_at > timezone.now():
        when = "Date of the change must be today or in the past"
    if when is None and occurred_at < opened_minute(case.opened_at):
        when = "Date of the change must be the same as or after the case opened"
    problems["occurred_at"] = when
    return problems


@transaction.atomic
def risk_change_record(
    *, case: Case, recorded_by: User, occurred_at: datetime, reason: str
) -> RiskChange:
    """Record a change of risk on the case (timeline, audit) and create its reassessment task
    when the profile asks for one (seed 004 s4.2). Raises ValidationError by field, before
    anything is saved; PermissionDenied when the member of staff may not change the case."""
    refuse_if_closed(case)
    if not recorded_by.has_perm("risk.complete_assessment", case):
        raise PermissionDenied("You may not record a change of risk on this case")
    refuse(_change_problems(case, occurred_at, reason))
    reason = reason.strip()
    change = RiskChange.objects.create(
        case=case, occurred_at=occurred_at, reason=reason, recorded_by=recorded_by
    )
    change.task = reassessment_task_create(
        case=case, actor=recorded_by, start=occurred_at, why="a change of risk"
    )
    change.save(update_fields=["task", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=change,
        changes={"occurred_at": [None, occurred_at], "task": [None, change.task_id]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.CHANGE_OF_RISK,
        actor=recorded_by,
        target=change,
        summary=f"Change of risk: {reason}"[:500],
        occurred_at=occurred_at,
        data={"task": str(change.task_id) if change.task_id else None},
    )
    return change


def on_register(spec: RiskSpec | None, level: str, score: int) -> bool:
    """seed 001 s5: a high-risk victim not reaching the local MARAC threshold: final level high,
    score below the register's MARAC score."""
    register = spec.risk_register if spec else None
    return register is not None and level == "high" and score < register.marac_score_threshold


def _outstanding_reviews(case: Case) -> list[Task]:
    return list(
        case.tasks.filter(rule_key__startswith=REGISTER_RULE_KEY, is_outstanding=True).exclude(
            status=TaskStatus.CANCELLED
        )
    )


def risk_register_sync(*, case: Case, assessment: RiskAssessment, actor: User) -> Task | None:
    """After the case's latest checklist: on the register, a review task (one open at a time)
    due `review_every` after it; off it, an open review task is cancelled. Returns a new task."""
    spec = risk_spec_of(case.contract)
    register = spec.risk_register if spec else None
    reviews = _outstanding_reviews(case)
    if register is None or not on_register(spec, assessment.level, assessment.score):
        for task in reviews:
            if task.status == TaskStatus.OPEN:
                task.status = TaskStatus.CANCELLED
                task.is_outstanding = False
                task.save(update_fields=["status", "is_outstanding", "updated_at"])
                audit_event(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    target=task,
                    changes={"status": [TaskStatus.OPEN, TaskStatus.CANCELLED]},
                    reason="No longer on the risk register",
                )
        return None
    if reviews:
        return None
    fields = register_review_fields(case, assessment.completed_at)
    assert fields is not None  # the register is set (above)
    return _task_create(case, actor, base=REGISTER_RULE_KEY, **fields)


def register_review_fields(case: Case, completed_at: datetime) -> dict[str, Any] | None:
    """The review task's label, action, due time, explanation and citation after a checklist
    that leaves the case on the register (seed 001 s5); None without a register. The next
    checklist is the review (action risk_assessment), and sets the one after while it stays."""
    spec = risk_spec_of(case.contract)
    register = spec.risk_register if spec else None
    if register is None:
        return None
    duration = register.review_every.to_duration()
    return {
        "label": "Risk register review: complete the risk checklist",
        "action": "risk_assessment",
        "due_at": _due(case, duration, completed_at),
        "explanation": (
            f"High risk below the local MARAC threshold ({register.marac_score_threshold} yes "
            f"answers), so on the risk register ({register.citation}): review the risk "
            f"{duration.describe()} after the checklist. Completing the risk checklist is the "
            "review; while the case stays on the register it sets the next one."
        ),
        "citation": register.citation,
    }
