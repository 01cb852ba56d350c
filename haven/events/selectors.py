"""Reads of the service's events, scoped to the viewer's organisations (views read only here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract, Organisation
from haven.events.models import Event
from haven.events.rules import RECORD_ROLES, VIEW_ROLES, organisation_ids


def _is_superuser(user: Viewer) -> bool:
    return isinstance(user, User) and user.is_superuser


def events_for_user(user: Viewer) -> QuerySet[Event]:
    """Every event of the organisations in which the user sees events (403 for anyone else)."""
    if not user.has_perm("events.view_events"):
        raise PermissionDenied
    events = Event.objects.all()
    if not _is_superuser(user):
        events = events.filter(provider_id__in=organisation_ids(user, VIEW_ROLES))
    return events.select_related("provider").prefetch_related("contracts")


def event_for_user(user: Viewer, event_id: Any) -> Event:
    try:
        return (
            events_for_user(user)
            .prefetch_related("facilitators", "agency_attendance")
            .get(pk=event_id)
        )
    except Event.DoesNotExist as missing:
        raise Http404 from missing


def providers_recording(user: Viewer) -> QuerySet[Organisation]:
    """The organisations whose events the user may record."""
    if _is_superuser(user):
        return Organisation.objects.filter(contracts__isnull=False).distinct().order_by("name")
    return Organisation.objects.filter(pk__in=organisation_ids(user, RECORD_ROLES)).order_by("name")


def contracts_seen(user: Viewer) -> QuerySet[Contract]:
    """The contracts whose events the user sees (the list's filter)."""
    if _is_superuser(user):
        return Contract.objects.order_by("name")
    return Contract.objects.filter(provider_id__in=organisation_ids(user, VIEW_ROLES)).order_by(
        "name"
    )


def contracts_recording(user: Viewer) -> QuerySet[Contract]:
    return Contract.objects.filter(provider__in=providers_recording(user)).order_by("name")


def facilitators_of(providers: QuerySet[Organisation]) -> QuerySet[User]:
    """Staff who may facilitate: the recording roles of these organisations."""
    return (
        User.objects.filter(
            memberships__organisation__in=providers, memberships__role__in=RECORD_ROLES
        )
        .distinct()
        .order_by("full_name", "email")
    )


def contracts_by_slug(slugs: list[str]) -> dict[str, Contract]:
    return {c.slug: c for c in Contract.objects.filter(slug__in=slugs)}


def existing_refs(provider_ids: set[Any], refs: list[str]) -> set[tuple[Any, str]]:
    """(provider id, reference) of the events already imported with these references."""
    return set(
        Event.objects.filter(provider_id__in=provider_ids, external_ref__in=refs).values_list(
            "provider_id", "external_ref"
        )
    )


@dataclass(frozen=True)
class EventFilter:
    contract: Any = None
    kind: str = ""
    location_type: str = ""
    status: str = ""
    start: date | None = None
    end: date | None = None


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(events: QuerySet[Event], chosen: EventFilter) -> QuerySet[Event]:
    """The events matching the list's filters (dates are whole UK days, inclusive)."""
    if chosen.contract:
        events = events.filter(contracts=chosen.contract)
    if chosen.kind:
        events = events.filter(kind=chosen.kind)
    if chosen.location_type:
        events = events.filter(location_type=chosen.location_type)
    if chosen.status:
        events = events.filter(status=chosen.status)
    if chosen.start:
        events = events.filter(starts_at__gte=_local_midnight(chosen.start))
    if chosen.end:
        events = events.filter(starts_at__lt=_local_midnight(chosen.end + timedelta(days=1)))
    return events.distinct()
