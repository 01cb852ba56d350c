"""Every refuge page for each persona (issue 13 item 1): the board for caseworkers, team leaders
and service managers; the properties for service managers; moving in and out for those who may
change the case. Other providers find nothing."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _manager_pages(refuge, room):
    return {
        "properties": reverse("refuge:properties"),
        "property_add": reverse("refuge:property_add"),
        "property": reverse("refuge:property", args=[refuge.pk]),
        "room_add": reverse("refuge:room_add", args=[refuge.pk]),
        "room_edit": reverse("refuge:room_edit", args=[refuge.pk, room.pk]),
        "void_add": reverse("refuge:void_add", args=[refuge.pk, room.pk]),
    }


def _case_pages(case, stay):
    return {
        "move_in": reverse("refuge:move_in", args=[case.pk]),
        "extend": reverse("refuge:extend", args=[case.pk, stay.pk]),
        "move_out": reverse("refuge:move_out", args=[case.pk, stay.pk]),
    }


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "service_manager"])
def test_provider_staff_read_the_board(client, personas, stay, who):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("refuge:board"))
    assert response.status_code == 200
    assert "Room 1" in response.content.decode()


@pytest.mark.parametrize("who", ["analyst", "commissioner", "administrator", "auditor"])
def test_others_are_refused_the_board(client, personas, refuge, who):
    client.force_login(getattr(personas, who))
    assert client.get(reverse("refuge:board")).status_code == 403


def test_the_board_shows_the_case_reference_only_to_those_who_may_open_the_case(
    client, personas, stay, cornwall_case
):
    reference = cornwall_case.person.reference_code
    client.force_login(personas.caseworker)
    assert reference in client.get(reverse("refuge:board")).content.decode()
    client.force_login(personas.outsider)  # another team: may not open the case
    page = client.get(reverse("refuge:board")).content.decode()
    assert "Occupied" in page
    assert reference not in page
    assert cornwall_case.person.given_name not in page


def test_service_managers_open_every_property_page(client, personas, refuge, room):
    client.force_login(personas.service_manager)
    for name, url in _manager_pages(refuge, room).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner", "analyst"])
def test_others_are_refused_the_property_pages(client, personas, refuge, room, who):
    client.force_login(getattr(personas, who))
    for name, url in _manager_pages(refuge, room).items():
        assert client.get(url).status_code == 403, name


def test_another_providers_manager_finds_no_property(client, personas, refuge, room):
    from haven.testing.factories import MembershipFactory, UserFactory

    manager = UserFactory()
    MembershipFactory(
        user=manager, role="service_manager", organisation=personas.other_organisation
    )
    client.force_login(manager)
    pages = _manager_pages(refuge, room)
    for name in ("property", "room_add", "room_edit", "void_add"):
        assert client.get(pages[name]).status_code == 404, name
    assert "Synthetic House" not in client.get(pages["properties"]).content.decode()
    assert "Synthetic House" not in client.get(reverse("refuge:board")).content.decode()


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_the_owner_and_teammate_open_the_stay_pages(client, personas, stay, cornwall_case, who):
    client.force_login(getattr(personas, who))
    for name, url in _case_pages(cornwall_case, stay).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker", "commissioner"])
def test_others_do_not_open_the_stay_pages(client, personas, stay, cornwall_case, who):
    client.force_login(getattr(personas, who))
    for name, url in _case_pages(cornwall_case, stay).items():
        assert client.get(url).status_code in (403, 404), name


def test_signed_out_visitors_are_sent_to_sign_in(client, refuge, room, stay, cornwall_case):
    pages = {**_manager_pages(refuge, room), **_case_pages(cornwall_case, stay)}
    pages["board"] = reverse("refuge:board")
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]


def test_the_navigation_links_the_board_for_refuge_staff_only(client, personas):
    client.force_login(personas.caseworker)
    assert reverse("refuge:board") in client.get(reverse("home")).content.decode()
    client.force_login(personas.analyst)
    assert reverse("refuge:board") not in client.get(reverse("home")).content.decode()


def test_the_case_page_shows_the_stay_its_duties_and_the_links(
    client, personas, stay, cornwall_case
):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[cornwall_case.pk])).content.decode()
    assert "Refuge stay" in page
    assert "Duties from moving in" in page
    assert reverse("refuge:move_out", args=[cornwall_case.pk, stay.pk]) in page
    assert reverse("refuge:extend", args=[cornwall_case.pk, stay.pk]) in page


def test_a_case_of_a_service_with_rooms_offers_moving_in(client, personas, room, cornwall_case):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[cornwall_case.pk])).content.decode()
    assert reverse("refuge:move_in", args=[cornwall_case.pk]) in page
