"""Changes of risk and screening as `risk_change_record` and `screening_record` write them (issue
12): the rows, the reassessment task a change sets and the timeline entries, unsaved for
`bulk_create`. Each draws from the journey's own stream (journey.RISK_EXTRAS_STREAM)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task
from haven.core.table_writer import unsaved
from haven.risk.models import RiskChange, Screening, ScreeningTool
from haven.risk.reassessments import CHANGE_RULE_KEY, change_task_fields


class RiskExtrasRecorder:
    """Mixed into `CaseRecorder`, which gives the case, its tasks and the timeline (`event`)."""

    case: Case
    tasks: list[Task]
    event: Callable[..., None]
    new_id: Callable[[], UUID]

    def __init__(self) -> None:
        self.risk_changes: list[RiskChange] = []
        self.screenings: list[Screening] = []

    def risk_change(self, *, actor: User, at: datetime, reason: str) -> RiskChange:
        """`risk_change_record`: the change, its reassessment task (when the profile sets one)
        and the timeline entries."""
        task = None
        fields = change_task_fields(self.case, at, "a change of risk")
        if fields is not None:
            taken = sum(1 for t in self.tasks if t.rule_key.startswith(CHANGE_RULE_KEY))
            rule_key = CHANGE_RULE_KEY if taken == 0 else f"{CHANGE_RULE_KEY}#{taken + 1}"
            task = unsaved(
                Task,
                id=self.new_id(),
                case_id=self.case.id,
                rule_key=rule_key,
                attempts_allowed=None,
                allocated_to_id=self.case.allocated_to_id,
                team_id=self.case.team_id,
                **fields,
            )
            self.tasks.append(task)
            due = timezone.localtime(task.due_at)
            self.event(
                kind=CaseEventKind.TASK_CREATED,
                actor=actor,
                target=task,
                summary=f"Deadline set: {task.label} (due {due:%d %b %Y %H:%M})",
                data={"rule_key": rule_key, "citation": task.citation},
                at=at,
            )
        change = RiskChange(
            id=self.new_id(),
            case=self.case,
            occurred_at=at,
            reason=reason,
            recorded_by=actor,
            task_id=task.pk if task is not None else None,
        )
        self.risk_changes.append(change)
        self.event(
            kind=CaseEventKind.CHANGE_OF_RISK,
            actor=actor,
            target=change,
            summary=f"Change of risk: {reason}",
            data={"task": str(task.pk) if task is not None else None},
            at=at,
        )
        return change

    def screening(
        self, *, actor: User, at: datetime, on: date, tool: ScreeningTool, answers: dict[str, Any]
    ) -> None:
        """`screening_record`: the date and the answer or total score only (ADR 0014)."""
        row = Screening(
            id=self.new_id(),
            case=self.case,
            tool=tool,
            screened_on=on,
            recorded_by=actor,
            **answers,
        )
        self.screenings.append(row)
        self.event(
            kind=CaseEventKind.SCREENING,
            actor=actor,
            target=row,
            summary=f"Screening recorded: {tool.label}",
            data={"tool": tool.value},
            at=at,
        )
