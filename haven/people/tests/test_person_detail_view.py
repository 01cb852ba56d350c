"""The person page: reference code prominent, details, safe-contact warning, flags, household."""

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.core.models import AuditAction, AuditEvent
from haven.testing.people import HarmLinkFactory, HouseholdLinkFactory, PersonFlagFactory


@pytest.fixture
def page(client, personas, person):
    def _get():
        client.force_login(personas.caseworker)
        response = client.get(reverse("people:detail", args=[person.pk]))
        assert response.status_code == 200
        return response.content.decode()

    return _get


def test_it_shows_the_reference_code_prominently_and_in_the_title(page, person):
    html = page()
    assert f'id="reference-code">{person.reference_code}<' in html
    assert f"<title>{person.reference_code} – Haven</title>" in html.replace("\n", "")


def test_the_name_is_not_in_the_page_title(page, person):
    title = page().split("<title>")[1].split("</title>")[0]
    assert escape(person.family_name) not in title


def test_reading_the_page_is_audited(page, personas, person):
    page()
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.object_type, event.object_id) == ("people.person", str(person.pk))
    assert event.actor == personas.caseworker


def test_unsafe_channels_are_listed_in_a_warning(page):
    html = page()
    assert 'id="safe-contact-warning"' in html
    assert "Letters: letters must never be sent" in html
    assert "Phone calls: no safe phone number is recorded" in html


def test_no_warning_when_every_channel_is_safe(page, person):
    person.email = "someone@example.org"
    person.save()
    person.safe_contact.__dict__.update(
        safe_phone="07700 900123",
        voicemail_allowed=True,
        texts_allowed=True,
        email_safe=True,
        letters="any_address",
        harmer_at_address="no",
    )
    person.safe_contact.save()
    assert 'id="safe-contact-warning"' not in page()


def test_the_code_word_is_behind_a_show_link(page, person):
    person.safe_contact.code_word = "bluebell"
    person.safe_contact.save()
    html = page()
    assert "Show code word" in html
    assert "bluebell" in html


def test_it_lists_current_flags_with_an_end_link(page, person):
    flag = PersonFlagFactory(person=person, kind="aces")
    html = page()
    assert "Adverse childhood experiences (ACEs)" in html
    assert reverse("people:flag_end", args=[person.pk, flag.pk]) in html


def test_it_lists_children_by_reference_code_and_people_causing_harm(page, person):
    child = HouseholdLinkFactory(person=person).member
    harm = HarmLinkFactory(person=person)
    html = page()
    assert child.reference_code in html
    assert reverse("people:harmer_detail", args=[harm.harmer.pk]) in html


def test_it_links_to_equality_information(page, person):
    assert reverse("people:equality", args=[person.pk]) in page()


def test_readers_who_cannot_change_see_no_change_links(client, personas, person):
    client.force_login(personas.auditor)
    html = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert reverse("people:details_edit", args=[person.pk]) not in html
    assert person.reference_code in html


def test_a_person_recorded_without_safe_contact_or_equality_records_still_opens(page, person):
    # Other apps may create people directly; nothing recorded means nothing is known to be safe.
    person.safe_contact.delete()
    person.equality.delete()
    html = page()
    assert "Letters: letters must never be sent" in html
