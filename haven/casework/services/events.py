"""The case timeline: every app that changes a case appends one event here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case, CaseEvent


@transaction.atomic
def case_event_record(
    *,
    case: Case,
    kind: str,
    actor: User | None,
    summary: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> CaseEvent:
    """Append one entry to the case's timeline (the caller's service writes its own audit event).

    `kind` is a short domain word (`referral_accepted`, `attempt`, `note`, `risk_assessment`,
    `state_changed`...); `summary` is what staff read on the timeline, never secret values.
    """
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return CaseEvent.objects.create(
        case=case,
        kind=kind,
        occurred_at=occurred_at or timezone.now(),
        actor=actor if authenticated else None,
        summary=summary[:500],
        object_type=target._meta.label_lower if target is not None else "",
        object_id=str(target.pk) if target is not None else "",
        data=dict(data or {}),
    )
