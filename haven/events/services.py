"""Plan, change, deliver and cancel the service's events; atomic and audited (STYLE habit 1).

scheduled -> delivered (attendance and feedback recorded; may be corrected later)
scheduled -> cancelled (with a reason)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract, Organisation
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.events.models import (
    AgencyAttendance,
    Audience,
    Event,
    EventKind,
    EventStatus,
    LocationType,
    PractitionerAgency,
)
from haven.events.rules import RECORD_ROLES, may_record_for
from haven.validators import date_problem, refuse, text_problem

TITLE_MAX_LENGTH = 200
VENUE_MAX_LENGTH = 200
TEXT_MAX_LENGTH = 2_000
REASON_MAX_LENGTH = 300
MAX_DURATION_MINUTES = 24 * 60
MAX_ATTENDED = 100_000


@dataclass(frozen=True)
class EventDetails:
    """What is planned: the fields of the add and edit forms (and of an imported row)."""

    contracts: Sequence[Contract]
    kind: str
    title: str
    starts_at: datetime
    duration_minutes: int
    venue: str
    location_type: str
    audience: str
    facilitators: Sequence[User] = ()
    materials: str = ""


@dataclass(frozen=True)
class Delivery:
    """What happened: attendance (by agency where known) and the feedback forms' counts."""

    attended: int
    by_agency: Mapping[str, int] = field(default_factory=dict)
    materials: str = ""
    feedback_forms: int = 0
    awareness_increased: int = 0
    more_confident: int = 0
    feedback_themes: str = ""


def _require(actor: User, provider: Organisation) -> None:
    if not may_record_for(actor, provider.pk):
        raise PermissionDenied


def _choice_problem(value: str, choices: Iterable[str], subject: str) -> str | None:
    return None if value in set(choices) else f"Select {subject}"


def details_problems(provider: Organisation, details: EventDetails) -> dict[str, str | None]:
    """Each field of the plan with what is wrong with it, if anything."""
    outside = [c for c in details.contracts if c.provider_id != provider.pk]
    staff = set(
        User.objects.filter(
            memberships__organisation=provider, memberships__role__in=RECORD_ROLES
        ).values_list("pk", flat=True)
    )
    return {
        "contracts": (
            "Select at least one contract it is delivered under"
            if not details.contracts
            else "Select only contracts your organisation provides"
            if outside
            else None
        ),
        "kind": _choice_problem(details.kind, EventKind.values, "the kind of event"),
        "title": (
            "Enter a title"
            if not details.title.strip()
            else text_problem(details.title, subject="Title", limit=TITLE_MAX_LENGTH)
        ),
        "starts_at": date_problem(details.starts_at.date(), subject="Date"),
        "duration_minutes": (
            None
            if 1 <= details.duration_minutes <= MAX_DURATION_MINUTES
            else "Duration must be between 1 and 1,440 minutes"
        ),
        "venue": (
            "Enter where it is"
            if not details.venue.strip()
            else text_problem(details.venue, subject="Venue", limit=VENUE_MAX_LENGTH)
        ),
        "location_type": _choice_problem(
            details.location_type, LocationType.values, "the type of location"
        ),
        "audience": _choice_problem(details.audience, Audience.values, "who it is for"),
        "facilitators": (
            "Select facilitators from your organisation's staff"
            if any(u.pk not in staff for u in details.facilitators)
            else None
        ),
        "materials": text_problem(details.materials, subject="Materials", limit=TEXT_MAX_LENGTH),
    }


def _apply(event: Event, details: EventDetails) -> None:
    event.kind = details.kind
    event.title = details.title.strip()
    event.starts_at = details.starts_at
    event.duration_minutes = details.duration_minutes
    event.venue = details.venue.strip()
    event.location_type = details.location_type
    event.audience = details.audience
    event.materials = details.materials.strip()


def _snapshot(event: Event) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "starts_at": event.starts_at.isoformat(),
        "duration_minutes": event.duration_minutes,
        "location_type": event.location_type,
        "audience": event.audience,
        "status": event.status,
        "contracts": sorted(str(pk) for pk in event.contracts.values_list("pk", flat=True)),
    }


@transaction.atomic
def event_schedule(
    *,
    provider: Organisation,
    scheduled_by: User,
    details: EventDetails,
    external_ref: str = "",
) -> Event:
    """Plan an event of `provider` (or record a past one, to be marked delivered next)."""
    _require(scheduled_by, provider)
    refuse(details_problems(provider, details))
    event = Event(provider=provider, created_by=scheduled_by, external_ref=external_ref)
    _apply(event, details)
    event.save()
    event.contracts.set(details.contracts)
    event.facilitators.set(details.facilitators)
    audit_event(
        actor=scheduled_by, action=AuditAction.CREATE, target=event, changes=_snapshot(event)
    )
    return event


@transaction.atomic
def event_update(*, event: Event, changed_by: User, details: EventDetails) -> Event:
    """Change the plan (or correct a delivered event's details); a cancelled one is closed."""
    _require(changed_by, event.provider)
    if event.status == EventStatus.CANCELLED:
        raise ValidationError({"title": "This event was cancelled: it cannot be changed"})
    refuse(details_problems(event.provider, details))
    _apply(event, details)
    event.save()
    event.contracts.set(details.contracts)
    event.facilitators.set(details.facilitators)
    audit_event(actor=changed_by, action=AuditAction.UPDATE, target=event, changes=_snapshot(event))
    return event


def delivery_problems(event: Event, delivery: Delivery, now: datetime) -> dict[str, str | None]:
    unknown = [a for a in delivery.by_agency if a not in PractitionerAgency.values]
    by_agency = sum(delivery.by_agency.values())
    forms = delivery.feedback_forms
    return {
        "attended": (
            None if 0 <= delivery.attended <= MAX_ATTENDED else "Number attending must be 0 or more"
        ),
        "by_agency": (
            "Select agencies from the list"
            if unknown
            else "Numbers by agency must be 0 or more"
            if any(n < 0 for n in delivery.by_agency.values())
            else "Numbers by agency must not add up to more than the number attending"
            if by_agency > delivery.attended
            else None
        ),
        "feedback_forms": (
            "Number of feedback forms must be 0 or more"
            if forms < 0
            else "Feedback forms must not be more than the number attending"
            if forms > delivery.attended
            else None
        ),
        # seed 001 Lot 1 s8: awareness increased, out of the forms returned
        "awareness_increased": (
            None
            if 0 <= delivery.awareness_increased <= forms
            else "Must be between 0 and the number of feedback forms"
        ),
        "more_confident": (
            None
            if 0 <= delivery.more_confident <= forms
            else "Must be between 0 and the number of feedback forms"
        ),
        "feedback_themes": text_problem(
            delivery.feedback_themes, subject="Feedback themes", limit=TEXT_MAX_LENGTH
        ),
        "materials": text_problem(delivery.materials, subject="Materials", limit=TEXT_MAX_LENGTH),
        "starts_at": (
            "An event cannot be recorded as delivered before it starts"
            if event.starts_at > now
            else None
        ),
    }


@transaction.atomic
def event_record_delivery(
    *, event: Event, recorded_by: User, delivery: Delivery, at: datetime | None = None
) -> Event:
    """Mark the event delivered with its attendance and feedback (or correct them)."""
    _require(recorded_by, event.provider)
    now = at or timezone.now()
    if event.status == EventStatus.CANCELLED:
        raise ValidationError({"attended": "This event was cancelled: it cannot be delivered"})
    refuse(delivery_problems(event, delivery, now))
    event.status = EventStatus.DELIVERED
    event.attended = delivery.attended
    if delivery.materials.strip():
        event.materials = delivery.materials.strip()
    event.feedback_forms = delivery.feedback_forms
    event.awareness_increased = delivery.awareness_increased
    event.more_confident = delivery.more_confident
    event.feedback_themes = delivery.feedback_themes.strip()
    event.delivery_recorded_by = recorded_by
    event.delivery_recorded_at = now
    event.save()
    event.agency_attendance.all().delete()
    AgencyAttendance.objects.bulk_create(
        AgencyAttendance(event=event, agency=agency, attended=count)
        for agency, count in sorted(delivery.by_agency.items())
        if count
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=event,
        changes={
            "status": event.status,
            "attended": event.attended,
            "feedback_forms": event.feedback_forms,
            "awareness_increased": event.awareness_increased,
            "more_confident": event.more_confident,
        },
    )
    return event


@transaction.atomic
def event_cancel(*, event: Event, cancelled_by: User, reason: str) -> Event:
    """Cancel a scheduled event, saying why."""
    _require(cancelled_by, event.provider)
    if event.status != EventStatus.SCHEDULED:
        raise ValidationError({"reason": "Only a scheduled event can be cancelled"})
    reason = reason.strip()
    refuse(
        {
            "reason": "Enter why it was cancelled"
            if not reason
            else text_problem(reason, subject="Reason", limit=REASON_MAX_LENGTH)
        }
    )
    event.status = EventStatus.CANCELLED
    event.cancelled_reason = reason
    event.save(update_fields=["status", "cancelled_reason", "updated_at"])
    audit_event(
        actor=cancelled_by,
        action=AuditAction.UPDATE,
        target=event,
        changes={"status": event.status, "reason": reason},
    )
    return event
