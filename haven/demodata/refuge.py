"""Demo refuge properties, rooms, voids and stays (issue 13), written through the refuge services
after the casework build, so the stays follow the profiles' rules: moving in sets the arrival
duties and the stay limit (seed 004 s4.2, s7.3, s7.5), a stay past 20 weeks has its extension
recorded (exit plan, review timetable, commissioner told), voids keep rooms out of use.

Names only, never addresses; synthetic text throughout.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any
from unittest import mock

from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.casework.models import Case, CaseEvent, CaseState, Task
from haven.contracts.models import Contract
from haven.refuge.models import Property, Room, RoomVoid, Stay, StayExtension, StayMember
from haven.refuge.services import (
    property_save,
    room_save,
    room_void_record,
    stay_extend,
    stay_move_in,
    stay_move_out,
)

STREAM = 13  # this part's own random stream: seed + STREAM
STAY_LIMIT = timedelta(weeks=20)  # seed 004 s7.3
# (contract slug, property name, kind, takes, area, in the commissioner's area, rooms as
# (name, bedrooms, accessible, pets, children))
PROPERTIES = (
    # seed 004 s4.2: the men's refuge has at least 5 bedrooms, for men and their children
    (
        "cornwall-mens-refuge-2021",
        "Harbour House",
        "refuge",
        "men_only",
        "Cornwall",
        True,
        (
            ("Room 1", 2, True, False, True),
            ("Room 2", 2, False, False, True),
            ("Room 3", 1, False, True, False),
            ("Room 4", 1, False, False, False),
            ("Room 5", 1, False, False, True),
        ),
    ),
    # seed 003 s6.8, s13: Wokingham's refuge, and residents placed out of area
    (
        "wokingham-da-2017",
        "Willow Refuge",
        "refuge",
        "women_only",
        "Wokingham",
        True,
        (
            ("Flat A", 2, True, False, True),
            ("Flat B", 1, False, False, True),
            ("Flat C", 1, False, True, True),
        ),
    ),
    (
        "wokingham-da-2017",
        "Partner refuge (out of area)",
        "refuge",
        "any",
        "Reading",
        False,
        (("Room 1", 1, False, False, True),),
    ),
    # Safe Home's emergency and supported units
    (
        "leicester-safehome-2012",
        "Safe Home emergency unit",
        "emergency_unit",
        "any",
        "Leicester",
        True,
        (("Unit 1", 1, True, False, True),),
    ),
    (
        "leicester-safehome-2012",
        "Safe Home supported units",
        "supported_unit",
        "any",
        "Leicester",
        True,
        (("Unit 1", 2, False, False, True), ("Unit 2", 1, False, True, True)),
    ),
)
EXIT_PLANS = (
    "Weekly bids on the housing register; viewing arranged with the housing officer",
    "Move to a supported tenancy once the court date has passed",
    "Private rented flat with a deposit bond; moving date being agreed",
)
REVIEWS = ("Every 2 weeks with the service manager", "Weekly until the move-on date")


def demo_refuge_reset(organisation: Any) -> None:
    """Delete the provider's stays, voids, rooms and properties (before its cases go)."""
    stays = Stay.objects.filter(room__property__organisation=organisation)
    StayExtension.objects.filter(stay__in=stays).delete()
    StayMember.objects.filter(stay__in=stays).delete()
    stays.delete()
    RoomVoid.objects.filter(room__property__organisation=organisation).delete()
    Room.objects.filter(property__organisation=organisation).delete()
    Property.objects.filter(organisation=organisation).delete()


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


@contextmanager
def _as_at(now: datetime, rng: random.Random) -> Iterator[None]:
    """The services' records as the same seed and `now` always make them: the clock read as
    `now` (timeline entries, task creation) and ids drawn from the demo's random stream, so a
    build is repeatable (demodata/tests: the same seed builds the same data)."""
    fields = [
        model._meta.pk
        for model in (Task, CaseEvent, Property, Room, RoomVoid, Stay, StayMember, StayExtension)
    ]
    before = [field.default for field in fields]

    def seeded() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def use(defaults: list[Any]) -> None:
        for field, default in zip(fields, defaults, strict=True):
            field.default = default
            field.__dict__.pop("_get_default", None)  # Django caches the default's callable

    use([seeded] * len(fields))
    try:
        with mock.patch.object(timezone, "now", return_value=now):
            yield
    finally:
        use(before)


def build_demo_refuge(*, organisation: Any, seed: int, now: datetime) -> int:
    """Properties and rooms for the demo's refuge contracts, a void in each refuge, and stays
    for the oldest open cases (some past 20 weeks, most with the extension recorded, one moved
    out); returns how many stays were made."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    with _as_at(now, rng):
        return _build(organisation, manager, rng, now)


def _build(organisation: Any, manager: User, rng: random.Random, now: datetime) -> int:
    contracts = {c.slug: c for c in Contract.objects.filter(provider=organisation)}
    rooms_by_contract: dict[str, list[Room]] = {}
    for slug, name, kind, takes, area, in_area, rooms in PROPERTIES:
        if slug not in contracts:
            continue
        refuge = property_save(
            organisation=organisation,
            saved_by=manager,
            name=name,
            kind=kind,
            takes=takes,
            area_label=area,
            in_commissioner_area=in_area,
            contracts=[contracts[slug]],
        )
        made = [
            room_save(
                refuge_property=refuge,
                saved_by=manager,
                name=room_name,
                bedrooms=bedrooms,
                accessible=accessible,
                pets_allowed=pets,
                children_allowed=children,
            )
            for room_name, bedrooms, accessible, pets, children in rooms
        ]
        if len(made) > 2:  # a room in repair (a void) in each larger refuge
            room_void_record(
                room=made[-1],
                recorded_by=manager,
                starts_on=timezone.localdate(now) - timedelta(days=rng.randint(3, 20)),
                ends_on=timezone.localdate(now) + timedelta(days=rng.randint(5, 30)),
                reason="repairs",
            )
            made = made[:-1]
        rooms_by_contract.setdefault(slug, []).extend(made)
    return sum(
        _stays(contracts[slug], rooms, manager, rng, now)
        for slug, rooms in rooms_by_contract.items()
    )


def _stays(
    contract: Contract, rooms: list[Room], actor: User, rng: random.Random, now: datetime
) -> int:
    cases = list(
        Case.objects.filter(contract=contract)
        .exclude(state=CaseState.CLOSED)
        .select_related("person")
        .order_by("opened_at", "id")[: len(rooms) * 3]
    )
    made = 0
    free = list(rooms)
    for index, case in enumerate(cases):
        if not free:
            break
        moved_in_at = min(
            case.opened_at + timedelta(days=rng.randint(0, 3)), now - timedelta(hours=2)
        )
        members = list(case.person.household_links.values_list("member", flat=True))
        try:
            stay = stay_move_in(
                case=case,
                room=free[0],
                moved_in_by=actor,
                moved_in_at=moved_in_at,
                agreement=rng.choice(("licence", "licence", "tenancy")),
                agreement_signed_on=timezone.localdate(moved_in_at),
                household_members=_people(members) if free[0].children_allowed else [],
            )
        except ValidationError:  # e.g. a room for women only and a man: the rules refuse it
            continue
        made += 1
        if index == 0 and len(cases) > len(rooms):  # the oldest has moved on: the room is free
            stay_move_out(
                stay=stay,
                moved_out_by=actor,
                moved_out_at=min(
                    moved_in_at + timedelta(weeks=rng.randint(8, 18)), now - timedelta(hours=1)
                ),
                destination=rng.choice(("social_housing", "private_rented", "supported_housing")),
                planned_exit=True,
            )
            free.append(free.pop(0))  # free again once they left
            continue
        free.pop(0)
        if now - moved_in_at > STAY_LIMIT and rng.random() < 0.75:
            _extend(stay, actor, rng, now)
    return made


def _people(ids: list[Any]) -> list[Any]:
    from haven.people.models import Person

    return list(Person.objects.filter(pk__in=ids))


def _extend(stay: Stay, actor: User, rng: random.Random, now: datetime) -> None:
    """seed 004 s7.3: past 20 weeks, an exit plan, a review timetable and the commissioner told."""
    limit_day = timezone.localdate(stay.moved_in_at + STAY_LIMIT)
    stay_extend(
        stay=stay,
        extended_by=actor,
        reason=rng.choice(("no_move_on", "no_move_on", "risk", "proceedings", "health")),
        exit_plan=rng.choice(EXIT_PLANS),
        review_timetable=rng.choice(REVIEWS),
        commissioner_notified_on=min(limit_day, timezone.localdate(now)),
        extended_at=min(stay.moved_in_at + STAY_LIMIT - timedelta(days=rng.randint(1, 10)), now),
    )
