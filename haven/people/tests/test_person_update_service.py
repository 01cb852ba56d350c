"""person_update: changes saved and audited field by field."""

import pytest
from django.core.exceptions import ValidationError

from haven.core.models import AuditEvent
from haven.people.services import person_update


def test_it_changes_the_details_and_audits_old_and_new(personas, person):
    old_name = person.family_name
    person_update(person=person, updated_by=personas.caseworker, details={"family_name": "Newname"})
    person.refresh_from_db()
    assert person.family_name == "Newname"
    event = AuditEvent.objects.for_object("people.person", str(person.pk)).get()
    assert event.changes == {"family_name": [old_name, "Newname"]}


def test_it_replaces_the_aliases(personas, person):
    person.aliases.create(name="Old alias")
    person_update(person=person, updated_by=personas.caseworker, details={}, aliases=["New alias"])
    assert [a.name for a in person.aliases.all()] == ["New alias"]


def test_nothing_changed_writes_no_audit_event(personas, person):
    person_update(
        person=person, updated_by=personas.caseworker, details={"given_name": person.given_name}
    )
    assert not AuditEvent.objects.exists()


def test_an_invalid_email_saves_nothing(personas, person):
    old_email = person.email
    with pytest.raises(ValidationError):
        person_update(
            person=person,
            updated_by=personas.caseworker,
            details={"email": "not-an-email", "town": "X"},
        )
    person.refresh_from_db()
    assert person.email == old_email
    assert person.town != "X"
