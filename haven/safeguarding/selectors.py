"""Reads of safeguarding records, always through a case the viewer was already given."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from haven.casework.first_contact import SUCCESS
from haven.casework.models import Case, ContactAttempt
from haven.people.models import HouseholdLink, Person
from haven.safeguarding.models import (
    ChildRecord,
    SafeguardingAlert,
    SafeguardingEvent,
    ThinkFamilyCheck,
)
from haven.support.models import SupportSession


def household_children(case: Case) -> list[Person]:
    """The children recorded in the household of the case's survivor, oldest link first."""
    links = (
        HouseholdLink.objects.filter(person_id=case.person_id)
        .select_related("member")
        .order_by("created_at")
    )
    return [link.member for link in links]


def household_child(case: Case, child_id: Any) -> Person:
    """One child of the case's household (404 for anyone else)."""
    for child in household_children(case):
        if str(child.pk) == str(child_id):
            return child
    raise Http404


def child_records_for(case: Case) -> dict[Any, ChildRecord]:
    """The case's child records by child id."""
    return {record.child_id: record for record in ChildRecord.objects.filter(case=case)}


def child_record_on(case: Case, child: Person) -> ChildRecord | None:
    return ChildRecord.objects.filter(case=case, child=child).first()


def events_for(case: Case) -> QuerySet[SafeguardingEvent]:
    """The case's safeguarding referrals and meetings, latest first."""
    return SafeguardingEvent.objects.filter(case=case).select_related("child")


def event_on(case: Case, event_id: Any) -> SafeguardingEvent:
    """One referral or meeting of the case (404 for any other)."""
    try:
        return SafeguardingEvent.objects.select_related("case", "child").get(case=case, pk=event_id)
    except SafeguardingEvent.DoesNotExist as missing:
        raise Http404 from missing


def alerts_for(case: Case) -> QuerySet[SafeguardingAlert]:
    """The case's safeguarding adults alerts, latest raised first."""
    return SafeguardingAlert.objects.filter(case=case)


def alert_on(case: Case, alert_id: Any) -> SafeguardingAlert:
    """One alert of the case (404 for any other, so ids of other cases find nothing)."""
    try:
        return SafeguardingAlert.objects.select_related("case").get(case=case, pk=alert_id)
    except SafeguardingAlert.DoesNotExist as missing:
        raise Http404 from missing


def think_family_checks_for(case: Case) -> QuerySet[ThinkFamilyCheck]:
    """The Think Family questions asked on the case, latest first."""
    return ThinkFamilyCheck.objects.filter(case=case)


def last_contact_on(case: Case) -> date | None:
    """The day of the case's latest contact with the survivor: a contact attempt that reached
    them or a support session (seed 004 s6.5 "during every service user contact")."""
    attempted = (
        ContactAttempt.objects.filter(case=case, outcome__in=SUCCESS)
        .order_by("-attempted_at")
        .values_list("attempted_at", flat=True)
        .first()
    )
    delivered = (
        SupportSession.objects.filter(case=case)
        .order_by("-delivered_at")
        .values_list("delivered_at", flat=True)
        .first()
    )
    moments = [m for m in (attempted, delivered) if m is not None]
    return timezone.localdate(max(moments)) if moments else None
