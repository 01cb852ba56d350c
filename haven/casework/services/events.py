"""The case timeline: every app that changes a case appends one event here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent


@transaction.atomic
def case_event_record(
    *,
    case: Case,
    kind: CaseEventKind,
    actor: User | None,
    summary: str,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> CaseEvent:
    """Append one entry to the case's timeline (the caller's service writes its own audit event).

    `kind` is one of `CaseEventKind` (any other is refused: one list of what the timeline
    holds); `summary` is what staff read on the timeline, never secret values. `data` is only
    what the timeline shows: facts that are counted live in their own rows (`target`).
    """
    if kind not in CaseEventKind.values:
        raise ValueError(f"Unknown case event kind {kind!r}: add it to CaseEventKind")
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
