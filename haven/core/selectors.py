"""Reads of the audit trail, for managers and auditors."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied

from haven.core.models import AuditEvent, AuditEventQuerySet

if TYPE_CHECKING:  # a type only: core sits below accounts (docs/adr/0009-layers.md)
    from haven.accounts.signed_in import Viewer

LONDON = ZoneInfo("Europe/London")


def audit_events_visible_to(user: Viewer) -> AuditEventQuerySet:
    """Every audit event, for those allowed to read the trail; refuses everyone else."""
    if not user.has_perm("core.view_audit"):
        raise PermissionDenied
    return AuditEvent.objects.select_related("actor")


def audit_events_filtered(
    user: Viewer,
    *,
    action: str = "",
    object_type: str = "",
    actor_email: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> AuditEventQuerySet:
    events = audit_events_visible_to(user)
    if action:
        events = events.filter(action=action)
    if object_type:
        events = events.filter(object_type=object_type)
    if actor_email:
        events = events.filter(actor_label__iexact=actor_email.strip())
    if date_from:
        events = events.filter(
            occurred_at__gte=datetime.combine(date_from, time.min, tzinfo=LONDON)
        )
    if date_to:
        events = events.filter(occurred_at__lte=datetime.combine(date_to, time.max, tzinfo=LONDON))
    return events


def audit_events_for_record(
    user: Viewer, *, object_type: str, object_id: str
) -> AuditEventQuerySet:
    return audit_events_visible_to(user).for_object(object_type, object_id)
