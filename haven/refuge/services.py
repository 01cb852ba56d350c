"""Every write of the refuge app (STYLE habit 1): properties, rooms and voids; moving in, the
stay's extension past its limit and moving out, each audited and on the case's timeline."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, TaskStatus
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record
from haven.casework.services.tasks import case_tasks_sync, opened_minute, task_complete
from haven.contracts.models import Contract, Organisation
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.refuge.models import (
    Agreement,
    Destination,
    ExtensionReason,
    Property,
    PropertyKind,
    Room,
    RoomVoid,
    Stay,
    StayExtension,
    Takes,
    VoidReason,
)
from haven.validators import date_problem, moment_problem, refuse, text_problem

NAME_MAX_LENGTH = 100
ROOM_NAME_MAX_LENGTH = 60
PLAN_MAX_LENGTH = 5_000
STAY_LIMIT_KEY = "stay_limit"  # contracts.profiles.sections.STAY_LIMIT_KEY


def _choice(value: str, choices: Any, message: str) -> str | None:
    return None if value in choices.values else message


def _name_problem(name: str, *, subject: str, limit: int) -> str | None:
    if not name:
        return f"Enter the {subject.lower()}"
    return text_problem(name, subject=subject, limit=limit)


# --- properties, rooms and voids (service managers) -----------------------------------------


@transaction.atomic
def property_save(
    *,
    organisation: Organisation,
    saved_by: User,
    name: str,
    kind: str,
    takes: str,
    area_label: str,
    in_commissioner_area: bool,
    contracts: Iterable[Contract],
    refuge_property: Property | None = None,
) -> Property:
    """Add a property (`refuge_property` None) or change one. A name, never an address: refuge
    addresses are kept secret."""
    name, area_label = name.strip(), area_label.strip()
    contracts = list(contracts)
    taken = Property.objects.filter(organisation=organisation, name__iexact=name)
    if refuge_property is not None:
        taken = taken.exclude(pk=refuge_property.pk)
    refuse(
        {
            "name": _name_problem(name, subject="Name", limit=NAME_MAX_LENGTH)
            or ("A property of this name already exists" if taken.exists() else None),
            "kind": _choice(kind, PropertyKind, "Select the kind of property"),
            "takes": _choice(takes, Takes, "Select whom the property takes"),
            "area_label": text_problem(area_label, subject="Area", limit=NAME_MAX_LENGTH),
            "contracts": None
            if all(c.provider_id == organisation.pk for c in contracts)
            else "Select only your own services",
        }
    )
    created = refuge_property is None
    target = refuge_property or Property(organisation=organisation)
    before = {"name": target.name, "kind": target.kind, "takes": target.takes}
    target.name, target.kind, target.takes = name, kind, takes
    target.area_label, target.in_commissioner_area = area_label, in_commissioner_area
    target.save()
    target.contracts.set(contracts)
    audit_event(
        actor=saved_by,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=target,
        changes={key: [before[key], getattr(target, key)] for key in before},
    )
    return target


@transaction.atomic
def room_save(
    *,
    refuge_property: Property,
    saved_by: User,
    name: str,
    bedrooms: int,
    accessible: bool,
    pets_allowed: bool,
    children_allowed: bool,
    room: Room | None = None,
) -> Room:
    """Add a room to a property, or change one."""
    name = name.strip()
    taken = refuge_property.rooms.filter(name__iexact=name)
    if room is not None:
        taken = taken.exclude(pk=room.pk)
    refuse(
        {
            "name": _name_problem(name, subject="Room name", limit=ROOM_NAME_MAX_LENGTH)
            or ("This property already has a room of this name" if taken.exists() else None),
            "bedrooms": None
            if 1 <= bedrooms <= 20
            else "Number of bedrooms must be between 1 and 20",
        }
    )
    created = room is None
    target = room or Room(property=refuge_property)
    before = {"name": target.name, "bedrooms": target.bedrooms}
    target.name, target.bedrooms = name, bedrooms
    target.accessible, target.pets_allowed = accessible, pets_allowed
    target.children_allowed = children_allowed
    target.save()
    audit_event(
        actor=saved_by,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=target,
        changes={key: [before[key], getattr(target, key)] for key in before},
    )
    return target


@transaction.atomic
def room_void_record(
    *, room: Room, recorded_by: User, starts_on: date, ends_on: date | None, reason: str
) -> RoomVoid:
    """The room is out of use from `starts_on` to `ends_on` (empty: until further notice)."""
    refuse(
        {
            "starts_on": date_problem(starts_on, subject="Start date"),
            "ends_on": date_problem(ends_on, subject="End date", earliest=starts_on)
            if ends_on
            else None,
            "reason": _choice(reason, VoidReason, "Select why the room is out of use"),
        }
    )
    void = RoomVoid.objects.create(
        room=room, starts_on=starts_on, ends_on=ends_on, reason=reason, recorded_by=recorded_by
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=void,
        changes={"starts_on": [None, starts_on], "ends_on": [None, ends_on]},
    )
    return void


def void_on(room: Room, day: date) -> RoomVoid | None:
    return (
        room.voids.filter(starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .first()
    )


# --- moving in ---------------------------------------------------------------------------------


def _sex_of(person: Person) -> str:
    equality = getattr(person, "equality", None)
    return equality.sex if equality is not None else ""


def _room_problem(case: Case, room: Room, at: datetime, members: list[Person]) -> str | None:
    """Why the household cannot move into this room at `at`, or None."""
    refuge_property = room.property
    if not room.is_active or not refuge_property.is_active:
        return "This room is no longer in use"
    if not refuge_property.contracts.filter(pk=case.contract_id).exists():
        return "This room is not one of this service's rooms"
    if void_on(room, timezone.localtime(at).date()) is not None:
        return "This room is out of use (void) on that date"
    if room.stays.filter(Q(moved_out_at__isnull=True) | Q(moved_out_at__gt=at)).exists():
        return "Someone is living in this room at that time"
    sex = _sex_of(case.person)
    # seed 004 s4.2/s4.3: the men's refuge takes men (and their children of either sex)
    if refuge_property.takes == Takes.MEN_ONLY and sex == "female":
        return "This room is for men only, and the person is recorded as female"
    if refuge_property.takes == Takes.WOMEN_ONLY and sex == "male":
        return "This room is for women only, and the person is recorded as male"
    if members and not room.children_allowed:
        return "This room does not take children"
    return None


def _members_problem(case: Case, members: list[Person]) -> str | None:
    household = set(case.person.household_links.values_list("member_id", flat=True))
    if any(member.pk not in household for member in members):
        return "Select only people in the person's household"
    return None


@transaction.atomic
def stay_move_in(
    *,
    case: Case,
    room: Room,
    moved_in_by: User,
    moved_in_at: datetime,
    agreement: str,
    agreement_signed_on: date | None,
    household_members: Iterable[Person] = (),
) -> Stay:
    """The household moves into a room. This starts the duties from moving in (seed 004 s4.2:
    risk assessment on arrival, support plan within 2 weeks, review by week 10, risk at the
    10-12 week midpoint; s7.5: comprehensive assessment within 2 weeks) and the 20-week stay
    limit (s7.3), each a task on the case (casework's `entered` clock, refuge/apps.py)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    members = list(household_members)
    now = timezone.now()
    closed = record_refusal(case)
    if closed:
        raise ValidationError(closed)
    if case.stays.filter(moved_out_at__isnull=True).exists():
        raise ValidationError("The person is already living in a room: record the move out first")
    time_problem = moment_problem(
        moved_in_at,
        subject="Date moved in",
        now=now,
        not_before=opened_minute(case.opened_at),
        not_before_what="the case opened",
    )
    refuse(
        {
            "moved_in_at": time_problem,
            "agreement": _choice(agreement, Agreement, "Select the agreement signed"),
            "agreement_signed_on": "Enter the date the agreement was signed"
            if agreement_signed_on is None
            else date_problem(
                agreement_signed_on,
                subject="Date the agreement was signed",
                latest=timezone.localdate(),
            ),
            "household_members": _members_problem(case, members),
        }
    )
    refuse({"room": _room_problem(case, room, moved_in_at, members)})
    assert agreement_signed_on is not None  # refused above
    stay = Stay.objects.create(
        case=case,
        room=room,
        moved_in_at=moved_in_at,
        agreement=agreement,
        agreement_signed_on=agreement_signed_on,
        recorded_by=moved_in_by,
    )
    stay.household_members.set(members)
    audit_event(
        actor=moved_in_by,
        action=AuditAction.CREATE,
        target=stay,
        changes={
            "moved_in_at": [None, moved_in_at],
            "room": [None, str(room.pk)],
            "household_members": [None, len(members)],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.REFUGE_MOVED_IN,
        actor=moved_in_by,
        target=stay,
        summary=f"Moved into {room}"
        + (f" with {len(members)} of the household" if members else ""),
        data={"room": str(room.pk), "household_members": len(members)},
        occurred_at=moved_in_at,
    )
    case_tasks_sync(case=case, actor=moved_in_by)
    return stay


# --- past the limit, and moving out --------------------------------------------------------------


def extension_refusal(stay: Stay) -> str | None:
    if stay.moved_out_at is not None:
        return "The household has moved out"
    return None


@transaction.atomic
def stay_extend(
    *,
    stay: Stay,
    extended_by: User,
    reason: str,
    exit_plan: str,
    review_timetable: str,
    commissioner_notified_on: date | None,
    extended_at: datetime | None = None,
) -> StayExtension:
    """The stay goes past its limit (seed 004 s7.3: "an exit plan and review timetable must be
    put in place and the Commissioner notified"): meets the stay-limit task."""
    stay = Stay.objects.select_for_update().select_related("case").get(pk=stay.pk)
    refusal = extension_refusal(stay)
    if refusal:
        raise ValidationError(refusal)
    exit_plan, review_timetable = exit_plan.strip(), review_timetable.strip()
    moved_in = timezone.localtime(stay.moved_in_at).date()
    refuse(
        {
            "reason": _choice(reason, ExtensionReason, "Select why the stay goes on"),
            "exit_plan": "Enter the exit plan"
            if not exit_plan
            else text_problem(exit_plan, subject="Exit plan", limit=PLAN_MAX_LENGTH),
            "review_timetable": "Enter the review timetable"
            if not review_timetable
            else text_problem(review_timetable, subject="Review timetable", limit=PLAN_MAX_LENGTH),
            "commissioner_notified_on": "Enter the date the commissioner was told"
            if commissioner_notified_on is None
            else date_problem(
                commissioner_notified_on,
                subject="Date the commissioner was told",
                earliest=moved_in,
                latest=timezone.localdate(),
            ),
        }
    )
    assert commissioner_notified_on is not None  # refused above
    now = timezone.now()
    if extended_at is not None:  # recorded after the fact (the demo's history)
        refuse(
            {
                "extended_at": moment_problem(
                    extended_at,
                    subject="Date recorded",
                    now=now,
                    not_before=stay.moved_in_at,
                    not_before_what="moving in",
                )
            }
        )
        now = extended_at
    extension = StayExtension.objects.create(
        stay=stay,
        reason=reason,
        exit_plan=exit_plan,
        review_timetable=review_timetable,
        commissioner_notified_on=commissioner_notified_on,
        recorded_by=extended_by,
        recorded_at=now,
    )
    audit_event(
        actor=extended_by,
        action=AuditAction.CREATE,
        target=extension,
        changes={
            "reason": [None, reason],
            "commissioner_notified_on": [None, commissioner_notified_on],
        },
    )
    case_event_record(
        case=stay.case,
        kind=CaseEventKind.REFUGE_STAY_EXTENDED,
        actor=extended_by,
        target=extension,
        summary=f"Stay goes past its limit: {ExtensionReason(reason).label.lower()}",
        data={"reason": reason},
    )
    _stay_limit_done(stay.case, now, extended_by, "recorded the extension")
    return extension


def _stay_limit_done(case: Case, at: datetime, actor: User, how: str) -> None:
    task = (
        case.tasks.filter(rule_key=STAY_LIMIT_KEY, completed_at__isnull=True)
        .exclude(status=TaskStatus.CANCELLED)
        .first()
    )
    if task is not None:
        task_complete(task=task, done_at=at, actor=actor, how=how)


def move_out_refusal(stay: Stay) -> str | None:
    if stay.moved_out_at is not None:
        return "The household has already moved out"
    return None


@transaction.atomic
def stay_move_out(
    *,
    stay: Stay,
    moved_out_by: User,
    moved_out_at: datetime,
    destination: str,
    planned_exit: bool | None,
) -> Stay:
    """The household leaves the room: where to, and whether it was planned. Leaving before the
    limit meets the stay-limit task (seed 004 s7.3). Resettlement support after leaving (seed
    004 s4.2) goes on under the case until it closes."""
    stay = Stay.objects.select_for_update().select_related("case", "room__property").get(pk=stay.pk)
    refusal = move_out_refusal(stay)
    if refusal:
        raise ValidationError(refusal)
    refuse(
        {
            "moved_out_at": moment_problem(
                moved_out_at,
                subject="Date moved out",
                now=timezone.now(),
                not_before=stay.moved_in_at.replace(second=0, microsecond=0),
                not_before_what="moving in",
            ),
            "destination": _choice(destination, Destination, "Select where the household went"),
            "planned_exit": None if planned_exit is not None else "Select whether it was planned",
        }
    )
    stay.moved_out_at, stay.destination, stay.planned_exit = (
        moved_out_at,
        destination,
        planned_exit,
    )
    stay.save(update_fields=["moved_out_at", "destination", "planned_exit", "updated_at"])
    audit_event(
        actor=moved_out_by,
        action=AuditAction.UPDATE,
        target=stay,
        changes={"moved_out_at": [None, moved_out_at], "destination": ["", destination]},
    )
    case_event_record(
        case=stay.case,
        kind=CaseEventKind.REFUGE_MOVED_OUT,
        actor=moved_out_by,
        target=stay,
        summary=f"Moved out of {stay.room}: {Destination(destination).label.lower()}"
        + (" (planned)" if planned_exit else " (unplanned)"),
        data={"destination": destination, "planned": planned_exit},
        occurred_at=moved_out_at,
    )
    _stay_limit_done(stay.case, moved_out_at, moved_out_by, "moved out")
    return stay
