"""The person-causing-harm page never shows the victim's address or contact details."""

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.core.models import AuditAction, AuditEvent
from haven.testing.people import HarmLinkFactory


@pytest.fixture
def harm(person):
    person.address_line_1 = "12 Synthetic Street"
    person.address_line_2 = "Flat 3"
    person.town = "Leicester"
    person.postcode = "LE5 1FY"
    person.phone = "07700 900111"
    person.email = "victim@example.org"
    person.save()
    person.safe_contact.safe_phone = "07700 900222"
    person.safe_contact.safe_address = "c/o 4 Friendly Road"
    person.safe_contact.code_word = "bluebell"
    person.safe_contact.save()
    return HarmLinkFactory(person=person, lives_with_person=True)


def _page(client, personas, harm):
    client.force_login(personas.caseworker)
    response = client.get(reverse("people:harmer_detail", args=[harm.harmer.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_harmers_own_details_and_the_relationship(client, personas, harm):
    html = _page(client, personas, harm)
    assert escape(harm.harmer.full_name) in html  # O'Brien is O&#39;Brien in HTML
    assert "Tall, drives a blue van" in html
    assert "Ex-partner of" in html
    assert harm.person.reference_code in html


@pytest.mark.parametrize(
    "secret",
    [
        "12 Synthetic Street",
        "Flat 3",
        "LE5 1FY",
        "LE5",
        "07700 900111",
        "victim@example.org",
        "07700 900222",
        "4 Friendly Road",
        "bluebell",
    ],
)
def test_it_never_shows_the_victims_address_or_contact_details(client, personas, harm, secret):
    assert secret not in _page(client, personas, harm)


def test_it_does_not_name_the_victim(client, personas, harm):
    html = _page(client, personas, harm)
    assert escape(harm.person.given_name) not in html.replace(escape(harm.harmer.full_name), "")


def test_reading_it_is_audited(client, personas, harm):
    _page(client, personas, harm)
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert event.object_type == "people.personcausingharm"


def test_a_name_with_an_apostrophe_is_shown_escaped(client, personas, harm):
    harm.harmer.family_name = "O'Brien"
    harm.harmer.save()
    html = _page(client, personas, harm)
    assert "O&#39;Brien" in html
    assert "O'Brien" not in html
