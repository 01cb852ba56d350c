"""Closing a case: planned or unplanned, with the profile's exit requirements done or overridden."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import transitions
from haven.casework.models import Case, CaseState, ExitType
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import case_tasks_sync, tasks_cancel_outstanding
from haven.contracts.profiles.sections import ExitSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import REASON_MAX_LENGTH, text_problem

# The timeline event (kind, and data that must match) that shows an exit requirement was done.
REQUIREMENT_EVENTS: dict[str, tuple[str, dict[str, str]]] = {
    "exit_risk_assessment": ("risk_assessment", {"stage": "exit"}),
    "exit_interview": ("exit_interview", {}),
    "onward_referral": ("onward_referral", {}),
    "needs_reassessment": ("needs_assessment", {"stage": "exit"}),
}
REQUIREMENT_LABELS = {
    "exit_risk_assessment": "Exit risk assessment",
    "exit_interview": "Exit interview",
    "onward_referral": "Onward referral",
    "needs_reassessment": "Needs reassessment before closure",
}


@dataclass(frozen=True)
class ExitRequirement:
    key: str
    label: str
    done: bool
    citation: str
    done_at: datetime | None = None  # the latest timeline event that shows it done
    done_by: str = ""
    summary: str = ""


class ClosureRefusedError(Exception):
    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def applicable_requirements(spec: ExitSpec | None, events: Sequence[Any]) -> list[str]:
    """The exit requirements that apply to a case with these timeline events (kind, data)."""
    if spec is None:
        return []
    requires: list[str] = list(spec.requires)
    assessed = any(
        e.kind == "needs_assessment" and (e.data or {}).get("stage") in {"initial", "review"}
        for e in events
    )
    if spec.reassess_only_if_assessed and not assessed:
        # seed 002 s3.9: the reassessment repeats a needs assessment; a case that had none
        # (initial contact only) has nothing to repeat
        requires = [key for key in requires if key != "needs_reassessment"]
    return requires


def exit_requirements(case: Case) -> list[ExitRequirement]:
    """The profile's exit requirements and whether the timeline shows each done."""
    try:
        spec = profile_of(case.contract).exit
    except ValueError:
        spec = None
    if spec is None or not spec.requires:
        return []
    events = list(
        case.events.filter(kind__in=[k for k, _ in REQUIREMENT_EVENTS.values()])
        .select_related("actor")
        .order_by("-occurred_at", "-created_at")
    )
    result = []
    for key in applicable_requirements(spec, events):
        kind, wanted = REQUIREMENT_EVENTS[key]
        event = next(
            (
                e
                for e in events
                if e.kind == kind and all((e.data or {}).get(k) == v for k, v in wanted.items())
            ),
            None,
        )
        label, citation = REQUIREMENT_LABELS[key], spec.citation or ""
        if event is None:
            result.append(ExitRequirement(key, label, False, citation))
            continue
        by = event.actor.get_full_name() if event.actor is not None else ""
        result.append(
            ExitRequirement(key, label, True, citation, event.occurred_at, by, event.summary)
        )
    return result


def closure_problems(
    *, exit_type: str, reason: str, missing: list[ExitRequirement], overrides: dict[str, str]
) -> dict[str, str]:
    """What stops the case closing, by field: exit type, reason, each unmet requirement."""
    problems: dict[str, str] = {}
    if exit_type not in ExitType.values:
        problems["exit_type"] = "Select whether this is a planned or unplanned exit"
    if not reason.strip():
        problems["reason"] = "Enter the reason for closing the case"
    for key, text in {"reason": reason, **overrides}.items():
        too_long = text_problem(text, subject="The reason", limit=REASON_MAX_LENGTH)
        if too_long:
            problems[key] = too_long
    for requirement in missing:
        if requirement.key not in overrides:
            problems[requirement.key] = (
                f"{requirement.label} is not done: do it first or give a reason to close without it"
            )
    return problems


@transaction.atomic
def case_close(
    *,
    case: Case,
    closed_by: User,
    exit_type: str,
    reason: str,
    overrides: dict[str, str] | None = None,
    at: datetime | None = None,
) -> Case:
    """Close the case; each exit requirement not done needs an override reason (ClosureRefusedError)."""
    transitions.check_transition(case.state, CaseState.CLOSED)
    overrides = {k: v.strip() for k, v in (overrides or {}).items() if v and v.strip()}
    missing = [r for r in exit_requirements(case) if not r.done]
    problems = closure_problems(
        exit_type=exit_type, reason=reason, missing=missing, overrides=overrides
    )
    if problems:
        raise ClosureRefusedError(problems)
    before = case.state
    case.state = CaseState.CLOSED
    case.closed_at = at or timezone.now()
    case.exit_type = exit_type
    case.closure_reason = reason.strip()
    case.closure_overrides = {r.key: overrides[r.key] for r in missing}
    fields = ["state", "closed_at", "exit_type", "closure_reason", "closure_overrides"]
    case.save(update_fields=[*fields, "updated_at"])
    audit_event(
        actor=closed_by,
        action=AuditAction.UPDATE,
        target=case,
        changes={"state": [before, CaseState.CLOSED], "exit_type": ["", exit_type]},
        reason="; ".join(
            [reason.strip(), *(f"{k} overridden: {v}" for k, v in case.closure_overrides.items())]
        ),
    )
    tasks_cancel_outstanding(case=case, actor=closed_by, reason="Case closed")
    case_event_record(
        case=case,
        kind="case_closed",
        actor=closed_by,
        target=case,
        occurred_at=case.closed_at,
        summary=f"Case closed ({ExitType(exit_type).label.lower()}): {case.closure_reason}",
        data={"exit_type": exit_type, "overrides": case.closure_overrides},
    )
    case_tasks_sync(case=case, actor=closed_by)  # follow-ups that start at closure
    return case
