"""Turn a contract's profile and a case's facts into computed deadlines (via haven.deadlines)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from haven.casework.start_events import case_start_events
from haven.contracts.profiles.stored import profile_of
from haven.deadlines import (
    ComputedDeadline,
    ContactMethod,
    Evaluation,
    Priority,
    RiskLevel,
    Situation,
    StartEvent,
    evaluate,
)


def situation_for(
    *,
    method: str = "",
    risk: str = "",
    priority: str = "",
    received_at: datetime | None = None,
    incident_at: datetime | None = None,
    accepted_at: datetime | None = None,
    first_contact_at: datetime | None = None,
    closed_at: datetime | None = None,
) -> Situation:
    events = {
        StartEvent.RECEIVED: received_at,
        StartEvent.INCIDENT: incident_at,
        StartEvent.ACCEPTED: accepted_at,
        StartEvent.FIRST_CONTACT: first_contact_at,
        StartEvent.CLOSED: closed_at,
    }
    return Situation(
        events={event: at for event, at in events.items() if at is not None},
        method=ContactMethod(method) if method else None,
        risk=RiskLevel(risk) if risk else None,
        priority=Priority(priority) if priority else None,
    )


def evaluation_for(contract: Any, situation: Situation) -> Evaluation:
    """Every rule of the profile (deadlines and schedules) sorted by how it applies."""
    return evaluator_for(contract)(situation)


def evaluator_for(contract: Any) -> Callable[[Situation], Evaluation]:
    """`evaluation_for` for many situations of one contract: the profile's rules and clock are
    worked out once (bulk imports), the evaluation itself is the same pure engine."""
    try:
        profile = profile_of(contract)
    except ValidationError:  # only stub contracts in tests; loaded profiles are validated
        return lambda situation: Evaluation((), (), (), ())
    rules, clock = profile.rules(), profile.service_clock()
    return lambda situation: evaluate(rules, situation, clock)


def deadlines_for(contract: Any, situation: Situation) -> tuple[ComputedDeadline, ...]:
    """Every rule that applies and can be computed."""
    return evaluation_for(contract, situation).computed


def case_situation(case: Any) -> Situation:
    referral = case.referral
    situation = situation_for(
        method=referral.contact_method if referral else "",
        risk=case.risk_level or (referral.referrer_risk_level if referral else ""),
        priority=referral.priority if referral else "",
        received_at=referral.received_at if referral else None,
        incident_at=referral.incident_at if referral else None,
        accepted_at=case.opened_at,
        first_contact_at=case.first_contact_at,
        closed_at=case.closed_at,
    )
    # clock starts the apps above casework register (the refuge's move-in: start_events.py)
    extra = case_start_events(case)
    if not extra:
        return situation
    return replace(situation, events={**situation.events, **extra})
