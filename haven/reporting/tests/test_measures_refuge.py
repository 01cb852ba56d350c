"""Refuge stays in a return (issue 13): loaded only when a measure reads them, counted by
Cornwall's A4, A5 and A8 (seed 004 s10, s7.3) and Wokingham's refuge rows (seed 003 s13)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.people.models import EqualityData
from haven.refuge.services import (
    property_save,
    room_save,
    stay_extend,
    stay_move_in,
    stay_move_out,
)
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1
from haven.testing.casework import CaseFactory
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db
MAY = datetime(2026, 5, 5, 10, 0, tzinfo=UTC)
LAST_YEAR = datetime(2025, 10, 1, 10, 0, tzinfo=UTC)


def _rooms(contract, user, *, in_area=True, count=3, takes="any"):
    refuge = property_save(
        organisation=contract.provider,
        saved_by=user,
        name=f"Synthetic {'In' if in_area else 'Out'}",
        kind="refuge",
        takes=takes,
        area_label="",
        in_commissioner_area=in_area,
        contracts=[contract],
    )
    return [
        room_save(
            refuge_property=refuge,
            saved_by=user,
            name=f"Room {n}",
            bedrooms=1,
            accessible=False,
            pets_allowed=False,
            children_allowed=True,
        )
        for n in range(count)
    ]


def _stay(contract, room, user, at, members=0):
    case = CaseFactory(contract=contract, opened_at=at, referral__received_at=at)
    children = [HouseholdLinkFactory(person=case.person).member for _ in range(members)]
    return stay_move_in(
        case=case,
        room=room,
        moved_in_by=user,
        moved_in_at=at + timedelta(hours=1),
        agreement="licence",
        agreement_signed_on=at.date(),
        household_members=children,
    )


def test_stays_are_read_only_when_wanted(contract_for):
    contract = contract_for("cornwall-mens-refuge-2021")

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"stays"})) == queries(frozenset()) + 2  # stays, members


def test_seed_004_s10_a4_a5_adults_and_children_entering_in_the_quarter(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    rooms = _rooms(contract, personas.service_manager)
    _stay(contract, rooms[0], personas.caseworker, MAY, members=2)
    _stay(contract, rooms[1], personas.caseworker, MAY)
    _stay(contract, rooms[2], personas.caseworker, LAST_YEAR, members=1)  # entered before Q1
    returned = contract_return(contract, Q1, now=NOW)
    assert returned.measure("A4").value == 2
    assert returned.measure("A5").value == 2


def test_seed_004_s10_a8_s7_3_stays_past_20_weeks_by_reason(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    rooms = _rooms(contract, personas.service_manager)
    extended = _stay(contract, rooms[0], personas.caseworker, LAST_YEAR)
    stay_extend(
        stay=extended,
        extended_by=personas.caseworker,
        reason="no_move_on",
        exit_plan="Bidding",
        review_timetable="Fortnightly",
        commissioner_notified_on=date(2026, 2, 20),
    )
    _stay(contract, rooms[1], personas.caseworker, LAST_YEAR)  # past the limit, none recorded
    short = _stay(contract, rooms[2], personas.caseworker, LAST_YEAR)
    stay_move_out(
        stay=short,
        moved_out_by=personas.caseworker,
        moved_out_at=LAST_YEAR + timedelta(weeks=10),
        destination="social_housing",
        planned_exit=True,
    )
    a8 = contract_return(contract, Q1, now=NOW).measure("A8")
    assert a8.value == 2
    (by_reason,) = a8.breakdowns
    cells = {cell.key: cell.value for cell in by_reason.cells}
    assert cells["no_move_on"] == 1
    assert cells["not_recorded"] == 1


def test_seed_003_s13_residents_into_refuge_in_and_out_of_area_and_women_in_the_refuge(
    contract_for, personas
):
    contract = contract_for("wokingham-da-2017")
    inside = _rooms(contract, personas.service_manager, in_area=True)
    outside = _rooms(contract, personas.service_manager, in_area=False)
    woman = _stay(contract, inside[0], personas.caseworker, MAY)
    EqualityData.objects.create(person=woman.case.person, sex="female")
    _stay(contract, outside[0], personas.caseworker, MAY)
    returned = contract_return(contract, Q1, now=NOW)
    residents = returned.measure("residents_into_refuge")
    assert residents.value == 2
    cells = {cell.key: cell.value for cell in residents.breakdowns[0].cells}
    assert (cells["in_area"], cells["out_of_area"]) == (1, 1)
    assert returned.measure("women_in_wokingham_refuge").value == 1
