"""person_create: a reference code, the creator's organisation, audited, nothing half-saved."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.people import reference_codes
from haven.people.models import Person
from haven.people.services import person_create

DETAILS = {
    "given_name": "Ada",
    "family_name": "Synthetic",
    "date_of_birth": dt.date(1990, 4, 1),
    "postcode": "le5 1fy",
    "phone": "07700 900123",
}


def test_it_gives_the_person_a_valid_reference_code(personas):
    person = person_create(created_by=personas.caseworker, details=DETAILS)
    assert reference_codes.validate(person.reference_code)


def test_the_person_belongs_to_the_creators_organisation(personas):
    person = person_create(created_by=personas.caseworker, details=DETAILS)
    assert person.organisation == personas.organisation
    assert person.created_by == personas.caseworker


def test_it_tidies_the_postcode(personas):
    assert person_create(created_by=personas.caseworker, details=DETAILS).postcode == "LE5 1FY"


def test_it_creates_empty_safe_contact_and_equality_records(personas):
    person = person_create(created_by=personas.caseworker, details=DETAILS)
    assert person.safe_contact.letters == "never"
    assert person.equality.ethnicity == ""


def test_it_records_aliases(personas):
    person = person_create(created_by=personas.caseworker, details=DETAILS, aliases=["Ada S", " "])
    assert [a.name for a in person.aliases.all()] == ["Ada S"]


def test_someone_under_18_is_recorded_as_a_child(personas):
    details = {**DETAILS, "date_of_birth": timezone.localdate() - dt.timedelta(days=365 * 10)}
    assert person_create(created_by=personas.caseworker, details=details).is_child


def test_it_is_audited_with_the_details(personas):
    person = person_create(created_by=personas.caseworker, details=DETAILS)
    event = AuditEvent.objects.for_object("people.person", str(person.pk)).get()
    assert event.action == AuditAction.CREATE
    assert event.actor == personas.caseworker
    assert event.changes["given_name"] == [None, "Ada"]
    assert event.changes["reference_code"] == [None, person.reference_code]


def test_a_commissioner_cannot_create_a_person(personas):
    with pytest.raises(PermissionDenied):
        person_create(created_by=personas.commissioner, details=DETAILS)


def test_a_missing_first_name_saves_nothing(personas):
    with pytest.raises(ValidationError):
        person_create(created_by=personas.caseworker, details={**DETAILS, "given_name": ""})
    assert not Person.objects.exists()


def test_nothing_is_half_saved_when_auditing_fails(personas):
    with (
        mock.patch("haven.people.services.audit_event", side_effect=RuntimeError("audit down")),
        pytest.raises(RuntimeError),
    ):
        person_create(created_by=personas.caseworker, details=DETAILS, aliases=["Ada S"])
    assert not Person.objects.exists()


def test_a_taken_code_is_never_reused(personas):
    first = person_create(created_by=personas.caseworker, details=DETAILS)
    fresh = reference_codes.generate()
    with mock.patch.object(reference_codes, "generate", side_effect=[first.reference_code, fresh]):
        second = person_create(created_by=personas.caseworker, details=DETAILS)
    assert second.reference_code == fresh
