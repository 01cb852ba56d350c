"""safe_contact_update: audited with changes, never the code word's value."""

import pytest

from haven.core.models import AuditEvent
from haven.people.services import safe_contact_update


def test_it_records_the_preferences(personas, person):
    safe_contact_update(
        person=person,
        updated_by=personas.caseworker,
        preferences={
            "safe_phone": "07700 900123",
            "safe_times": [{"days": [0, 1], "start": "09:00", "end": "12:00"}],
            "voicemail_allowed": True,
            "letters": "safe_address_only",
        },
    )
    person.safe_contact.refresh_from_db()
    prefs = person.safe_contact.preferences()
    assert prefs.safe_phone == "07700 900123"
    assert prefs.safe_times[0].describe() == "Monday, Tuesday, 09:00 to 12:00"
    assert prefs.voicemail_allowed
    assert prefs.letters == "safe_address_only"


def test_the_code_word_value_never_reaches_the_audit_trail(personas, person):
    safe_contact_update(
        person=person, updated_by=personas.caseworker, preferences={"code_word": "bluebell"}
    )
    event = AuditEvent.objects.get(object_type="people.safecontact")
    assert event.changes == {"code_word": ["[changed]", "[changed]"]}
    assert "bluebell" not in str(AuditEvent.objects.values_list("changes", flat=True))


def test_badly_shaped_safe_times_save_nothing(personas, person):
    with pytest.raises((KeyError, ValueError)):
        safe_contact_update(
            person=person,
            updated_by=personas.caseworker,
            preferences={"safe_phone": "07700 900123", "safe_times": [{"days": [0]}]},
        )
    person.safe_contact.refresh_from_db()
    assert person.safe_contact.safe_phone == ""


def test_a_person_recorded_elsewhere_without_preferences_gets_them(personas, person):
    person.safe_contact.delete()
    person.refresh_from_db()
    safe_contact_update(
        person=person, updated_by=personas.caseworker, preferences={"texts_allowed": True}
    )
    person.refresh_from_db()
    assert person.safe_contact.texts_allowed
