"""What `marac_criteria_on_assessment` (risk's hook, haven/marac) adds after a recorded risk
checklist: a MARAC referral task when the checklist met the referral criteria (reference.md
s1.4; seed 004 s4.2), built from the same fields as the service's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task, TaskStatus
from haven.core.table_writer import unsaved
from haven.marac.services import (
    MARAC_ACTION,
    assessment_criteria,
    assessment_why,
    marac_task_fields,
    marac_task_rule_key,
    task_created_summary,
)
from haven.risk.models import RiskAssessment


class MaracRecorder:
    case: Case
    tasks: list[Task]
    new_id: Callable[[], UUID]
    event: Callable[..., None]

    def marac_task_after(self, assessment: RiskAssessment, *, actor: User, at: datetime) -> None:
        """The MARAC referral task, unless one is outstanding (the recorder records no MARAC
        referral, so none was made since)."""
        criteria, citation = assessment_criteria(assessment)
        if not criteria:
            return
        outstanding = (
            t.action == MARAC_ACTION and t.completed_at is None and t.status != TaskStatus.CANCELLED
            for t in self.tasks
        )
        if any(outstanding):
            return
        fields: dict[str, Any] = marac_task_fields(
            self.case,
            criteria=criteria,
            why=assessment_why(assessment),
            moment=assessment.completed_at,
            citation=citation,
            rule_key=marac_task_rule_key([t.rule_key for t in self.tasks]),
        )
        task = unsaved(Task, id=self.new_id(), case_id=self.case.id, **fields)
        self.tasks.append(task)
        self.event(
            kind=CaseEventKind.TASK_CREATED,
            actor=actor,
            target=task,
            summary=task_created_summary(task),
            data={"rule_key": task.rule_key, "citation": citation},
            at=at,
        )
