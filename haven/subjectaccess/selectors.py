"""Reading subject access requests: only in the organisations where the user holds a provider
role, and only for the data protection officer (and, read-only, the auditor)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from haven.access.restriction import provider_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.subjectaccess.deadlines import Due, due_of
from haven.subjectaccess.models import (
    OPEN_STATES,
    ItemDecision,
    SarItem,
    SubjectAccessRequest,
)


def _scoped(user: Viewer) -> QuerySet[SubjectAccessRequest]:
    if not isinstance(user, User):
        raise PermissionDenied
    base = SubjectAccessRequest.objects.select_related("person").prefetch_related("stops")
    if user.is_superuser:
        return base
    return base.filter(organisation__in=provider_organisations_of(user))


def sars_for_log(user: Viewer) -> QuerySet[SubjectAccessRequest]:
    """The DPO's and auditor's list; 403 for everyone else."""
    if user is None or not user.has_perm("subjectaccess.view_sar_log"):
        raise PermissionDenied
    return _scoped(user)


def sar_for_log(user: Viewer, sar_id: Any) -> SubjectAccessRequest:
    sar = sars_for_log(user).filter(pk=sar_id).first()
    if sar is None:
        raise Http404("No such request")
    return sar


def sar_for_officer(user: Viewer, sar_id: Any) -> SubjectAccessRequest:
    """A request the data protection officer may work on; 403 for anyone else."""
    if user is None or not user.has_perm("subjectaccess.run_sar"):
        raise PermissionDenied
    sar = _scoped(user).filter(pk=sar_id).first()
    if sar is None:
        raise Http404("No such request")
    return sar


def item_of(sar: SubjectAccessRequest, item_id: Any) -> SarItem:
    item = SarItem.objects.filter(sar=sar, pk=item_id).first()
    if item is None:
        raise Http404("No such item")
    return item


def items_of(sar: SubjectAccessRequest) -> list[SarItem]:
    return list(sar.items.all())


def pending_count(sar: SubjectAccessRequest) -> int:
    return sar.items.filter(decision=ItemDecision.PENDING).count()


def person_by_reference(user: Viewer, reference_code: str) -> Person | None:
    """The person with this reference code in the officer's organisations (None if not found)."""
    if not isinstance(user, User):
        return None
    people = Person.objects.filter(reference_code__iexact=reference_code.strip())
    if not user.is_superuser:
        people = people.filter(organisation__in=provider_organisations_of(user))
    return people.first()


def due_list(sars: QuerySet[SubjectAccessRequest], today: dt.date) -> list[Due]:
    """Open requests with their due dates, soonest (or most overdue) first."""
    dues = [due_of(sar, today) for sar in sars.filter(state__in=OPEN_STATES)]
    return sorted(dues, key=lambda due: (due.due_on, str(due.sar.pk)))


def all_due(today: dt.date) -> list[Due]:
    """Every open request (the `haven sar-due` command: no user, no personal data printed)."""
    sars = SubjectAccessRequest.objects.select_related("person").prefetch_related("stops")
    return due_list(sars, today)


def timeline_of(sar: SubjectAccessRequest) -> QuerySet[AuditEvent]:
    """The steps taken on the request (its audit events, views left out), oldest first."""
    return (
        AuditEvent.objects.for_object("subjectaccess.subjectaccessrequest", str(sar.pk))
        .exclude(action=AuditAction.VIEW)
        .order_by("occurred_at", "id")
    )


def sars_of_person(person: Person) -> QuerySet[SubjectAccessRequest]:
    """For the person's page: that requests exist (their state and dates only)."""
    return SubjectAccessRequest.objects.filter(person=person).order_by("-received_on")
