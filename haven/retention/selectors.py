"""Reads for the retention pages, scoped to the data protection officer's organisations."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.restriction import provider_organisations_of
from haven.accounts.models import User
from haven.casework.models import Case
from haven.consent.models import Share
from haven.consent.selectors import consents_of
from haven.people.models import Person
from haven.retention.models import (
    Anonymisation,
    ErasureDecision,
    ErasureRequest,
    ItemStatus,
    LegalHold,
    RetentionItem,
)


def _organisations(user: User) -> Any:
    return provider_organisations_of(user)


def review_queue(user: User, *, record_type: str = "") -> QuerySet[RetentionItem]:
    """Items due for review (deferred ones come back when their date passes: the scan moves
    them), with whether a legal hold now covers them."""
    items = (
        RetentionItem.objects.filter(organisation__in=_organisations(user), status=ItemStatus.DUE)
        .select_related("person")
        .order_by("due_on", "id")
    )
    if record_type:
        items = items.filter(record_type=record_type)
    return items


def deferred_items(user: User) -> QuerySet[RetentionItem]:
    return (
        RetentionItem.objects.filter(
            organisation__in=_organisations(user), status=ItemStatus.DEFERRED
        )
        .select_related("person")
        .order_by("deferred_until", "id")
    )


def items_by_ids(user: User, ids: list[str]) -> list[RetentionItem]:
    valid = []
    for value in ids:
        try:
            valid.append(uuid.UUID(value))
        except ValueError:
            continue
    return list(review_queue(user).filter(pk__in=valid))


def person_for_retention(user: User, person_id: uuid.UUID) -> Person:
    """A person in the officer's organisations (404 otherwise)."""
    person = Person.objects.filter(pk=person_id, organisation__in=_organisations(user)).first()
    if person is None:
        raise Http404
    return person


def cases_of(person: Person) -> QuerySet[Case]:
    return Case.objects.filter(person=person).order_by("opened_at")


def holds(user: User, *, active: bool = True) -> QuerySet[LegalHold]:
    mine = Q(person__organisation__in=_organisations(user)) | Q(
        case__person__organisation__in=_organisations(user)
    )
    found = LegalHold.objects.filter(mine).select_related("person", "case__person", "placed_by")
    return found.filter(lifted_at__isnull=active)


def hold_for(user: User, hold_id: uuid.UUID) -> LegalHold:
    hold = holds(user).filter(pk=hold_id).first()
    if hold is None:
        raise Http404
    return hold


def holds_on(person: Person) -> QuerySet[LegalHold]:
    return (
        LegalHold.objects.filter(Q(person=person) | Q(case__person=person))
        .select_related("case", "placed_by", "lifted_by")
        .order_by("-placed_at")
    )


def erasure_requests(user: User, *, open_only: bool = False) -> QuerySet[ErasureRequest]:
    found = ErasureRequest.objects.filter(organisation__in=_organisations(user)).select_related(
        "person"
    )
    if open_only:
        found = found.filter(decision=ErasureDecision.PENDING)
    return found.order_by("due_on", "id")


def erasure_request_for(user: User, request_id: uuid.UUID) -> ErasureRequest:
    request = erasure_requests(user).filter(pk=request_id).first()
    if request is None:
        raise Http404
    return request


def erasure_requests_of(person: Person) -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.filter(person=person).order_by("-received_on")


def anonymisation_of(person: Person) -> Anonymisation | None:
    return Anonymisation.objects.filter(person=person).first()


def overdue_count(user: User) -> int:
    return erasure_requests(user, open_only=True).filter(due_on__lt=timezone.localdate()).count()


def held_ids_among(items: list[RetentionItem]) -> set[Any]:
    """The items whose person (or one of whose cases) is under a legal hold in force."""
    people = {item.person_id for item in items}
    held = LegalHold.objects.filter(lifted_at__isnull=True).filter(
        Q(person_id__in=people) | Q(case__person_id__in=people)
    )
    held_people = set(held.values_list("person_id", flat=True)) | set(
        held.values_list("case__person_id", flat=True)
    )
    return {item.pk for item in items if item.person_id in held_people}


def shares_of(person: Person) -> list[Share]:
    """reference.md s7 (erasure limits): who the person's data was shared with (the share
    register), so that an erasure's recipients can be told."""
    return consents_of(person).shares


def recipients_of(person: Person) -> list[str]:
    """The distinct recipients in the share register, in the order first shared with."""
    seen: dict[str, None] = {}
    for share in sorted(shares_of(person), key=lambda s: s.shared_at):
        seen.setdefault(share.recipient, None)
    return list(seen)
