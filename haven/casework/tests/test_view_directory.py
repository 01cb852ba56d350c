"""The agency directory pages (issue 11 item 4) for each role: the provider's service managers
and administrators list, add and change entries (reached from the menu); caseworkers, team
leaders, analysts and commissioners are refused; another provider's entry is not found."""

import pytest
from django.urls import reverse

from haven.casework.models import Agency
from haven.casework.tests.directory_fixtures import an_agency
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW = {
    "name": "Synthetic Recovery Service",
    "agency_type": "substance_misuse",
    "areas_covered": "Synthetic county",
    "contact_route": "phone",
    "contact_details": "01632 960123",
    "notes": "",
}


def pages(agency):
    return {
        "list": reverse("casework:directory"),
        "add": reverse("casework:agency_add"),
        "edit": reverse("casework:agency_edit", args=[agency.pk]),
    }


@pytest.mark.parametrize("who", ["service_manager", "administrator"])
def test_managers_open_every_page_and_find_it_in_the_menu(client, personas, who):
    agency = an_agency(personas.organisation)
    client.force_login(getattr(personas, who))
    for name, url in pages(agency).items():
        response = client.get(url)
        assert response.status_code == 200, name
    body = client.get(reverse("home")).content.decode()
    assert reverse("casework:directory") in body


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "analyst", "commissioner"])
def test_others_are_refused_and_see_no_menu_item(client, personas, who):
    agency = an_agency(personas.organisation)
    client.force_login(getattr(personas, who))
    for name, url in pages(agency).items():
        assert client.get(url).status_code == 403, name
    assert reverse("casework:directory") not in client.get(reverse("home")).content.decode()


def test_another_providers_entry_is_not_found(client, personas):
    theirs = an_agency(personas.other_organisation)
    client.force_login(personas.service_manager)
    assert client.get(reverse("casework:agency_edit", args=[theirs.pk])).status_code == 404
    assert (
        "Synthetic Mind Service" not in client.get(reverse("casework:directory")).content.decode()
    )


def test_a_manager_adds_an_agency_and_it_is_audited(client, personas):
    client.force_login(personas.service_manager)
    response = client.post(reverse("casework:agency_add"), NEW)
    assert response.status_code == 302
    agency = Agency.objects.get()
    assert (agency.organisation, agency.contact_details) == (personas.organisation, "01632 960123")
    assert AuditEvent.objects.filter(object_id=str(agency.pk), action="create").exists()


def test_errors_keep_what_was_typed(client, personas):
    client.force_login(personas.service_manager)
    response = client.post(reverse("casework:agency_add"), NEW | {"contact_details": ""})
    body = response.content.decode()
    assert "Enter the secure address, number or portal" in body
    assert 'value="Synthetic Recovery Service"' in body
    assert not Agency.objects.exists()


def test_a_manager_marks_an_agency_inactive(client, personas):
    agency = an_agency(personas.organisation)
    client.force_login(personas.administrator)
    data = NEW | {"name": agency.name, "is_active": "no"}
    assert client.post(reverse("casework:agency_edit", args=[agency.pk]), data).status_code == 302
    agency.refresh_from_db()
    assert agency.is_active is False
