"""Refuge tests use the shared fixtures (haven/testing/fixtures.py): the personas' Cornwall men's
refuge contract (seed 004), a property with rooms serving it, and a case on it."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]

CORNWALL = "cornwall-mens-refuge-2021"


@pytest.fixture
def cornwall(contract_for):
    return contract_for(CORNWALL)


@pytest.fixture
def refuge(cornwall, personas):
    """A men-only refuge with 5 bedrooms across its rooms (seed 004 s4.2: at least 5)."""
    from haven.refuge.services import property_save, room_save

    refuge = property_save(
        organisation=personas.organisation,
        saved_by=personas.service_manager,
        name="Synthetic House",
        kind="refuge",
        takes="men_only",
        area_label="Cornwall",
        in_commissioner_area=True,
        contracts=[cornwall],
    )
    for number in range(1, 5):
        room_save(
            refuge_property=refuge,
            saved_by=personas.service_manager,
            name=f"Room {number}",
            bedrooms=2 if number == 1 else 1,
            accessible=number == 1,
            pets_allowed=False,
            children_allowed=number != 4,
        )
    return refuge


@pytest.fixture
def room(refuge):
    return refuge.rooms.get(name="Room 1")


@pytest.fixture
def cornwall_case(open_case, cornwall):
    case = open_case(contract=cornwall)
    case.opened_at = timezone.now() - dt.timedelta(days=3)
    case.save(update_fields=["opened_at"])
    return case


@pytest.fixture
def move_in(cornwall_case, room, personas):
    """Move the case's person into Room 1 now (a minute ago)."""
    from haven.refuge.services import stay_move_in

    def make(case=None, room_=None, at=None, **kwargs):
        return stay_move_in(
            case=case or cornwall_case,
            room=room_ or room,
            moved_in_by=personas.caseworker,
            moved_in_at=at or timezone.now() - dt.timedelta(minutes=1),
            agreement=kwargs.pop("agreement", "licence"),
            agreement_signed_on=kwargs.pop("agreement_signed_on", timezone.localdate()),
            **kwargs,
        )

    return make


@pytest.fixture
def stay(move_in):
    return move_in()
