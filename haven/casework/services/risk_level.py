"""The case's current risk level, set by the risk app when an assessment is completed."""

from __future__ import annotations

from django.db import transaction

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services.events import case_event_record
from haven.casework.services.tasks import case_tasks_sync
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import RiskLevel

RISK_LEVELS = ("", *RiskLevel)  # "" until a risk assessment is completed


@transaction.atomic
def case_risk_level_set(*, case: Case, risk_level: str, actor: User, reason: str = "") -> Case:
    """Record the current risk level and re-apply the deadline rules that depend on risk."""
    if risk_level not in RISK_LEVELS:
        raise ValueError(f"{risk_level!r} is not a risk level")
    before = case.risk_level
    if before == risk_level:
        return case
    case.risk_level = risk_level
    case.save(update_fields=["risk_level", "updated_at"])
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=case,
        changes={"risk_level": [before, risk_level]},
        reason=reason,
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.RISK_LEVEL_CHANGED,
        actor=actor,
        target=case,
        summary=f"Risk level now {risk_level or 'not assessed'}"
        + (f": {reason}" if reason else ""),
        data={"from": before, "to": risk_level},
    )
    case_tasks_sync(case=case, actor=actor)
    return case
