"""Reads of properties, rooms and stays, scoped to the viewer.

The board and the properties are their provider's: staff see their own organisations' rooms. A
room's occupant shows as the case's reference (with a link) only to someone who may open that
case; to anyone else the room is just occupied. Nobody's name is on the board.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.scope import visible_q
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.people.models import Person
from haven.refuge.models import Property, Room, RoomVoid, Stay, StayExtension
from haven.refuge.rules import BOARD_ROLES


def _organisation_ids(user: Viewer, roles: frozenset[str] | set[str]) -> Any:
    if not isinstance(user, User) or not user.is_authenticated:
        return []
    return user.memberships.filter(role__in=roles).values("organisation_id")


def properties_for_user(user: Viewer) -> QuerySet[Property]:
    """The properties of the user's organisations (all for a superuser)."""
    if not user.has_perm("refuge.view_board"):
        raise PermissionDenied
    if isinstance(user, User) and user.is_superuser:
        return Property.objects.all()
    return Property.objects.filter(organisation_id__in=_organisation_ids(user, BOARD_ROLES))


def managed_properties(user: Viewer) -> QuerySet[Property]:
    if not user.has_perm("refuge.manage_properties"):
        raise PermissionDenied
    if isinstance(user, User) and user.is_superuser:
        return Property.objects.all()
    return Property.objects.filter(organisation_id__in=_organisation_ids(user, {"service_manager"}))


def managed_organisations(user: Viewer) -> list[Any]:
    """The organisations whose properties the user keeps."""
    from haven.contracts.models import Organisation

    if not user.has_perm("refuge.manage_properties"):
        raise PermissionDenied
    if isinstance(user, User) and user.is_superuser:
        return list(Organisation.objects.order_by("name"))
    return list(
        Organisation.objects.filter(id__in=_organisation_ids(user, {"service_manager"})).order_by(
            "name"
        )
    )


def contracts_of_organisation(organisation: Any) -> list[Any]:
    from haven.contracts.models import Contract

    return list(Contract.objects.filter(provider=organisation).order_by("name"))


def property_for_manager(user: Viewer, property_id: Any) -> Property:
    try:
        return managed_properties(user).prefetch_related("rooms", "contracts").get(pk=property_id)
    except Property.DoesNotExist as missing:
        raise Http404 from missing


def room_of(refuge_property: Property, room_id: Any) -> Room:
    try:
        return refuge_property.rooms.get(pk=room_id)
    except Room.DoesNotExist as missing:
        raise Http404 from missing


@dataclass(frozen=True)
class BoardRow:
    """One room on the availability board."""

    room: Room
    state: str  # "free", "occupied" or "void"
    since: date | None  # occupied since / void since
    free_from: date | None  # a void's end (+1 day); None when free now or not known
    case_reference: str  # only when the viewer may open the case
    case_id: Any
    void_reason: str = ""


def board_for_user(
    user: Viewer, *, now: datetime | None = None
) -> list[tuple[Property, list[BoardRow]]]:
    """Every active room of the user's properties: free, occupied or void today."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    current_stays = Stay.objects.filter(moved_in_at__lte=now).filter(
        Q(moved_out_at__isnull=True) | Q(moved_out_at__gt=now)
    )
    voids = RoomVoid.objects.filter(starts_on__lte=today).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today)
    )
    properties = (
        properties_for_user(user)
        .filter(is_active=True)
        .prefetch_related(
            Prefetch(
                "rooms",
                queryset=Room.objects.filter(is_active=True).prefetch_related(
                    Prefetch(
                        "stays",
                        queryset=current_stays.select_related("case__person"),
                        to_attr="now_stays",
                    ),
                    Prefetch("voids", queryset=voids, to_attr="now_voids"),
                ),
            )
        )
        .order_by("name")
    )
    visible = set(
        Case.objects.filter(visible_q(user), stays__in=current_stays).values_list("id", flat=True)
    )
    board = []
    for refuge_property in properties:
        rows = []
        for room in refuge_property.rooms.all():
            rows.append(_row(room, visible))
        board.append((refuge_property, rows))
    return board


def _row(room: Room, visible: set[Any]) -> BoardRow:
    stays: list[Stay] = getattr(room, "now_stays", [])
    voids: list[RoomVoid] = getattr(room, "now_voids", [])
    if stays:
        stay = stays[0]
        shown = stay.case_id in visible
        return BoardRow(
            room=room,
            state="occupied",
            since=timezone.localtime(stay.moved_in_at).date(),
            free_from=None,
            case_reference=stay.case.person.reference_code if shown else "",
            case_id=stay.case_id if shown else None,
        )
    if voids:
        void = voids[0]
        return BoardRow(
            room=room,
            state="void",
            since=void.starts_on,
            free_from=void.ends_on + timedelta(days=1) if void.ends_on else None,
            case_reference="",
            case_id=None,
            void_reason=void.get_reason_display(),
        )
    return BoardRow(room, "free", None, None, "", None)


# --- a case's stays (through a case the viewer was already given) ----------------------------


def stays_of(case: Case) -> QuerySet[Stay]:
    return (
        Stay.objects.filter(case=case)
        .select_related("room__property")
        .prefetch_related("household_members", "extensions")
    )


def current_stay(case: Case) -> Stay | None:
    return stays_of(case).filter(moved_out_at__isnull=True).first()


def stay_of(case: Case, stay_id: Any) -> Stay:
    try:
        return stays_of(case).get(pk=stay_id)
    except Stay.DoesNotExist as missing:
        raise Http404 from missing


def rooms_for_case(case: Case) -> QuerySet[Room]:
    """The active rooms of the properties that serve the case's contract."""
    return (
        Room.objects.filter(
            is_active=True, property__is_active=True, property__contracts=case.contract_id
        )
        .select_related("property")
        .order_by("property__name", "name")
    )


def room_for_case(case: Case, room_id: Any) -> Room | None:
    return rooms_for_case(case).filter(pk=room_id).first()


def household_of(case: Case) -> QuerySet[Person]:
    """The people in the person's household (people.HouseholdLink), e.g. their children."""
    return Person.objects.filter(household_of__person=case.person_id).order_by("reference_code")


def extensions_of(stay: Stay) -> QuerySet[StayExtension]:
    return stay.extensions.all()


def entered_at(case: Any) -> datetime | None:
    """When the person moved into the refuge on their latest stay (casework's `entered` clock,
    seed 004 s4.2, s7.3, s7.5), or None."""
    return (
        Stay.objects.filter(case_id=case.pk)
        .order_by("-moved_in_at")
        .values_list("moved_in_at", flat=True)
        .first()
    )


def stay_duties(case: Case) -> list[Any]:
    """The case's tasks whose clock starts at moving in (seed 004 s4.2, s7.3, s7.5)."""
    from haven.contracts.profiles.stored import profile_of
    from haven.deadlines import StartEvent

    try:
        rules = profile_of(case.contract).rules()
    except ValueError:
        return []
    keys = [rule.key for rule in rules if rule.start is StartEvent.ENTERED]
    return list(case.tasks.filter(rule_key__in=keys).order_by("due_at"))


def serves_contract(case: Case) -> bool:
    """Whether any room serves the case's contract (the move-in link is offered then)."""
    return rooms_for_case(case).exists()
