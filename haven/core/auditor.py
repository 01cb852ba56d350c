"""The auditor: services call ``audit_event`` explicitly for every write and sensitive read.

Secret fields (passwords, MFA secrets, keys) are never recorded: their change is noted as
``"[changed]"`` without values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from uuid import UUID

from django.db import models
from django.utils import timezone

from haven.core.models import AppendOnlyError, AuditAction, AuditEvent
from haven.core.request_context import current_request_id
from haven.core.table_writer import TableWriter

if TYPE_CHECKING:  # a type only: core sits below accounts (ADR 0009)
    from haven.accounts.signed_in import Viewer

SECRET_FIELDS = frozenset({"password", "secret", "token", "key", "recovery_codes", "code_word"})
SYSTEM_ACTOR = "system"


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, Iterable):
        return [_jsonable(v) for v in value]
    return str(value)


def _is_secret(field: str) -> bool:
    return any(part in field.lower() for part in SECRET_FIELDS)


def diff(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """Changed fields as ``{field: [old, new]}``; secret fields keep no values."""
    changes: dict[str, list[Any]] = {}
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old == new:
            continue
        if _is_secret(field):
            changes[field] = ["[changed]", "[changed]"]
        else:
            changes[field] = [_jsonable(old), _jsonable(new)]
    return changes


ENCRYPTED = "[encrypted field]"


def redact_encrypted(target: models.Model, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The changes with the values of the target's encrypted fields replaced (ADR 0019): the
    audit trail says that a phone number or a note changed, never what it was or became, so the
    audit table is no plaintext copy of what the fields encrypt. An empty side stays empty."""
    hidden = {f.name for f in target._meta.concrete_fields if getattr(f, "encrypted", False)}
    redacted = dict(changes)
    for name in hidden & set(redacted):
        value = redacted[name]
        if isinstance(value, list | tuple) and len(value) == 2:
            redacted[name] = [v if v in (None, "", "[changed]") else ENCRYPTED for v in value]
        else:
            redacted[name] = ENCRYPTED
    return redacted


def object_type_of(obj: models.Model) -> str:
    return obj._meta.label_lower


def audit_record(
    *,
    actor: Viewer | None,
    action: AuditAction | str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """One audit event, built but not yet written (``audit_event`` writes it at once; a bulk
    service collects them for ``audit_events_append``). ``actor``: a user, or None for the system."""
    if target is not None:
        object_type = object_type or object_type_of(target)
        object_id = object_id or str(target.pk)
        changes = redact_encrypted(target, changes or {})
    member = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent(
        occurred_at=timezone.now(),
        actor=member,
        actor_label=member.email if member is not None else SYSTEM_ACTOR,
        action=str(action),
        object_type=object_type,
        object_id=object_id,
        changes=_jsonable(dict(changes or {})),
        reason=reason,
        request_id=current_request_id.get(),
    )


def audit_event(
    *,
    actor: Viewer | None,
    action: AuditAction | str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: Mapping[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Append one audit event. ``actor`` is a user, or None for the system actor."""
    event = audit_record(
        actor=actor,
        action=action,
        target=target,
        object_type=object_type,
        object_id=object_id,
        changes=changes,
        reason=reason,
    )
    event.save()
    return event


def audit_events_append(events: Iterable[AuditEvent]) -> int:
    """Append many new events (built by ``audit_record``) in a few INSERTs, in the given order
    (the database numbers them; the instances do not learn their ids).

    Only inserts: an event that was already written is refused, as ``AuditEvent.save`` would.
    """
    new = list(events)
    if any(not event._state.adding for event in new):
        raise AppendOnlyError("audit events cannot be updated")
    return TableWriter(AuditEvent).write(new, timezone.now())
