"""The refuge forms through the browser's eyes: posting them writes through the services, and a
refusal comes back on the field (issue 13; seed 004 s4.2, s7.3)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.refuge.models import Property, Stay

pytestmark = pytest.mark.django_db


def _when(moment, prefix):
    local = timezone.localtime(moment)
    return {
        f"{prefix}-day": local.day,
        f"{prefix}-month": local.month,
        f"{prefix}-year": local.year,
        f"{prefix}-hour": local.hour,
        f"{prefix}-minute": local.minute,
    }


def _day(day, prefix):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_moving_in_through_the_form_sets_the_duties(client, personas, room, cornwall_case):
    client.force_login(personas.caseworker)
    at = timezone.now() - dt.timedelta(hours=1)
    response = client.post(
        reverse("refuge:move_in", args=[cornwall_case.pk]),
        {
            "room": str(room.pk),
            **_when(at, "moved_in_at"),
            "agreement": "licence",
            **_day(timezone.localdate(), "agreement_signed_on"),
        },
    )
    assert response.status_code == 302
    assert Stay.objects.filter(case=cornwall_case).exists()
    assert cornwall_case.tasks.filter(rule_key="stay_limit").exists()


def test_an_occupied_room_comes_back_on_the_room_field(
    client, personas, stay, open_case, cornwall, room
):
    other = open_case(contract=cornwall)
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("refuge:move_in", args=[other.pk]),
        {
            "room": str(room.pk),
            **_when(timezone.now(), "moved_in_at"),
            "agreement": "tenancy",
            **_day(timezone.localdate(), "agreement_signed_on"),
        },
    )
    assert response.status_code == 200
    assert "Someone is living in this room" in response.content.decode()


def test_an_empty_post_shows_every_problem(client, personas, stay, cornwall_case):
    client.force_login(personas.caseworker)
    for name in ("extend", "move_out"):
        response = client.post(reverse(f"refuge:{name}", args=[cornwall_case.pk, stay.pk]), {})
        assert response.status_code == 200, name
        assert "govuk-error-summary" in response.content.decode(), name


def test_a_service_manager_adds_a_property_without_an_address(client, personas, cornwall):
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("refuge:property_add"),
        {
            "name": "Synthetic Lodge",
            "kind": "emergency_unit",
            "takes": "any",
            "area_label": "Wokingham",
            "in_commissioner_area": "yes",
            "contracts": [str(cornwall.pk)],
        },
    )
    assert response.status_code == 302
    lodge = Property.objects.get(name="Synthetic Lodge")
    assert list(lodge.contracts.all()) == [cornwall]


def test_a_room_is_added_and_taken_out_of_use(client, personas, refuge):
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("refuge:room_add", args=[refuge.pk]),
        {"name": "Room 9", "bedrooms": "3", "features": ["accessible", "children_allowed"]},
    )
    assert response.status_code == 302
    room = refuge.rooms.get(name="Room 9")
    assert room.accessible
    assert room.children_allowed
    assert not room.pets_allowed
    response = client.post(
        reverse("refuge:void_add", args=[refuge.pk, room.pk]),
        {**_day(timezone.localdate(), "starts_on"), "reason": "repairs"},
    )
    assert response.status_code == 302
    board = client.get(reverse("refuge:board")).content.decode()
    assert "Out of use" in board
