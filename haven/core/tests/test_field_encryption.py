"""Field-level encryption at rest (issue 15 item 5, docs/adr/0019-field-encryption.md)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from haven import settings as haven_settings
from haven.casework.models import CaseNote, ContactAttempt
from haven.casework.services.notes import case_note_add, case_note_edit
from haven.core import encryption
from haven.core.encrypted_fields import encrypted_models
from haven.core.key_rotation import rotate_all
from haven.core.models import AuditEvent
from haven.core.table_writer import TableWriter
from haven.people.models import Person, SafeContact
from haven.people.services import person_create, safe_contact_update
from haven.risk.models import RiskAssessment
from haven.testing.casework import CaseFactory
from haven.testing.production import PRODUCTION_ENV

ROOT = Path(__file__).resolve().parents[3]
NEW_KEY = Fernet.generate_key().decode()


@pytest.fixture
def team_case(personas):
    return CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )


def _stored(table: str, column: str, pk: object) -> object:
    """The column as the database holds it (what a stolen database file shows)."""
    with connection.cursor() as cursor:
        quoted = connection.ops.quote_name
        cursor.execute(
            f"SELECT {quoted(column)} FROM {quoted(table)} WHERE id = %s",  # noqa: S608
            [connection.ops.adapt_unknown_value(pk) if connection.vendor != "sqlite" else pk.hex],
        )
        return cursor.fetchone()[0]


def _person(personas, **details):
    return person_create(
        created_by=personas.caseworker,
        details={"given_name": "Sam", "family_name": "Synthetic", **details},
    )


# -- the cipher -----------------------------------------------------------------------------------


def test_a_token_has_the_version_prefix_and_decrypts_to_the_plaintext():
    token = encryption.encrypt("Synthetic: code word bluebird")
    assert token.startswith("hv1:")
    assert "bluebird" not in token
    assert encryption.decrypt(token) == "Synthetic: code word bluebird"


def test_the_same_plaintext_encrypts_differently_each_time():
    assert encryption.encrypt("07700 900123") != encryption.encrypt("07700 900123")


def test_an_older_key_still_decrypts_and_the_newest_encrypts():
    old = encryption.encrypt("written under the old key")
    with override_settings(HAVEN_FIELD_KEYS=[NEW_KEY, *haven_settings.HAVEN_FIELD_KEYS]):
        cipher = encryption.field_cipher()
        assert cipher.decrypt(old) == "written under the old key"
        assert not cipher.is_current(old)
        assert cipher.is_current(cipher.encrypt("new"))


def test_a_token_no_key_opens_is_a_clear_error_without_the_value():
    token = encryption.encrypt("Synthetic secret")
    with (
        override_settings(HAVEN_FIELD_KEYS=[NEW_KEY]),
        pytest.raises(encryption.DecryptionError, match="HAVEN_FIELD_KEYS") as caught,
    ):
        encryption.decrypt(token)
    assert "Synthetic" not in str(caught.value)
    assert token not in str(caught.value)


def test_phone_numbers_are_normalised_before_their_blind_index():
    assert encryption.phone_index("+44 7700 900123") == encryption.phone_index("07700900123")
    assert encryption.phone_index("0044 7700-900123") == encryption.phone_index("07700 900123")
    assert encryption.phone_index("07700900124") != encryption.phone_index("07700900123")
    assert encryption.phone_index("") == ""


def test_the_blind_index_depends_on_its_own_key():
    before = encryption.phone_index("07700900123")
    with override_settings(HAVEN_BLIND_INDEX_KEY="another-blind-index-key-0123456789abcdef"):
        assert encryption.phone_index("07700900123") != before


# -- settings -------------------------------------------------------------------------------------


def test_keys_are_read_newest_first_from_a_file_one_a_line(monkeypatch, tmp_path):
    keys = tmp_path / "field-keys"
    keys.write_text(f"{NEW_KEY}\n{haven_settings.HAVEN_DEVELOPMENT_FIELD_KEY}\n")
    monkeypatch.setenv("HAVEN_TEST_KEYS_FILE", str(keys))
    assert haven_settings.envkeys("HAVEN_TEST_KEYS", "unused") == [
        NEW_KEY,
        haven_settings.HAVEN_DEVELOPMENT_FIELD_KEY,
    ]


def test_a_malformed_key_fails_at_start(monkeypatch):
    monkeypatch.setenv("HAVEN_TEST_KEYS", "not-a-fernet-key")
    with pytest.raises(ImproperlyConfigured, match="HAVEN_TEST_KEYS: key 1 is not a valid key"):
        haven_settings.envkeys("HAVEN_TEST_KEYS", "unused")


@pytest.mark.parametrize(
    "missing", ["HAVEN_FIELD_KEYS", "HAVEN_BLIND_INDEX_KEY", "HAVEN_BACKUP_KEYS"]
)
def test_production_refuses_to_start_without_each_key(missing):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    env |= {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"{missing} (or {missing}_FILE) is required in production" in result.stderr


def test_production_refuses_the_published_development_key(monkeypatch):
    monkeypatch.setattr(haven_settings, "PRODUCTION", True)
    monkeypatch.setenv("HAVEN_FIELD_KEYS", haven_settings.HAVEN_DEVELOPMENT_FIELD_KEY)
    with pytest.raises(ImproperlyConfigured, match="not the development key"):
        haven_settings.envkeys("HAVEN_FIELD_KEYS", haven_settings.HAVEN_DEVELOPMENT_FIELD_KEY)


# -- the fields -----------------------------------------------------------------------------------


def test_every_listed_field_is_encrypted():
    found = {
        f"{model._meta.label}.{field.name}"
        for model, fields in encrypted_models()
        for field in fields
    }
    assert found == {
        "casework.CaseNote.text",
        "casework.CaseNoteVersion.text",
        "casework.ContactAttempt.notes",
        "people.Person.phone",
        "people.Person.address_line_1",
        "people.Person.address_line_2",
        "people.SafeContact.safe_phone",
        "people.SafeContact.safe_address",
        "people.SafeContact.code_word",
        "people.SafeContact.notes",
        "risk.RiskAssessment.answers",
        "subjectaccess.SarItem.label",
        "subjectaccess.SarItem.fields",
        "subjectaccess.SarItem.third_party_names",
        "subjectaccess.SarBundle.pdf",
        "subjectaccess.SarBundle.json",
        # issue 16: a helpline caller's call-back details and partner liaison notes
        "helpline.CallBack.phone",
        "helpline.CallBack.safe_times",
        "helpline.CallBack.safe_contact_note",
        "programmes.PartnerContact.notes",
    }


def test_encrypted_fields_stay_text_fields_to_django_and_give_the_plaintext():
    """The handover export reads value_from_object and get_internal_type (issue 15 item 7)."""
    field = Person._meta.get_field("phone")
    person = Person(phone="07700 900123")
    assert field.get_internal_type() == "TextField"
    assert field.value_from_object(person) == "07700 900123"
    assert RiskAssessment._meta.get_field("answers").get_internal_type() == "JSONField"


@pytest.mark.django_db
def test_a_persons_phone_and_address_are_ciphertext_in_the_database(personas):
    person = _person(personas, phone="07700 900123", address_line_1="1 Synthetic Street")
    stored = _stored("people_person", "phone", person.pk)
    assert isinstance(stored, str)
    assert stored.startswith("hv1:")
    assert "900123" not in stored
    assert "Synthetic" not in _stored("people_person", "address_line_1", person.pk)
    assert _stored("people_person", "postcode", person.pk) == ""  # plain, and blank stays blank
    fresh = Person.objects.get(pk=person.pk)
    assert (fresh.phone, fresh.address_line_1) == ("07700 900123", "1 Synthetic Street")
    assert Person.objects.values_list("phone", flat=True).get(pk=person.pk) == "07700 900123"


@pytest.mark.django_db
def test_a_phone_number_is_found_through_its_blind_index(personas):
    person = _person(personas, phone="07700 900123")
    _person(personas, phone="07700 900999")
    assert list(Person.objects.with_phone("+44 7700 900123")) == [person]
    assert not Person.objects.with_phone("").exists()


@pytest.mark.django_db
def test_a_lookup_sql_cannot_answer_on_ciphertext_is_refused_not_silently_empty(personas):
    _person(personas, phone="07700 900123")
    with pytest.raises(FieldError, match="encrypted"):
        list(Person.objects.filter(phone="07700 900123"))
    with pytest.raises(FieldError, match="encrypted"):
        list(Person.objects.filter(phone__icontains="900"))
    assert Person.objects.filter(phone="").count() == 0  # blank or not still works
    assert Person.objects.exclude(address_line_1="").count() == 0


@pytest.mark.django_db
def test_safe_contact_details_are_ciphertext_and_the_audit_holds_no_plaintext(personas):
    person = _person(personas)
    safe_contact_update(
        person=person,
        updated_by=personas.caseworker,
        preferences={
            "safe_phone": "07700 900555",
            "safe_address": "Synthetic refuge address",
            "code_word": "bluebird",
            "notes": "Synthetic: only after 6pm",
        },
    )
    safe = SafeContact.objects.get(person=person)
    for column in ("safe_phone", "safe_address", "code_word", "notes"):
        assert _stored("people_safecontact", column, safe.pk).startswith("hv1:")
    assert safe.code_word == "bluebird"
    audit = AuditEvent.objects.filter(object_id=str(safe.pk)).get()
    text = str(audit.changes)
    assert "900555" not in text
    assert "Synthetic" not in text
    assert "bluebird" not in text
    assert audit.changes["notes"][1] == "[encrypted field]"


@pytest.mark.django_db
def test_case_notes_and_their_versions_are_ciphertext(personas, team_case):
    when = timezone.now()
    note = case_note_add(
        case=team_case,
        author=personas.caseworker,
        note_type="case_note",
        text="Synthetic first wording",
        happened_at=when,
    )
    case_note_edit(
        note=note,
        edited_by=personas.caseworker,
        text="Synthetic second wording",
        note_type="case_note",
        happened_at=when,
    )
    assert _stored("casework_casenote", "text", note.pk).startswith("hv1:")
    version = note.versions.get()
    assert _stored("casework_casenoteversion", "text", version.pk).startswith("hv1:")
    assert CaseNote.objects.get(pk=note.pk).text == "Synthetic second wording"
    assert version.text == "Synthetic first wording"


@pytest.mark.django_db
def test_the_bulk_writer_encrypts_and_indexes_too(personas):
    """The workbook import and the demo write through TableWriter, not save()."""
    person = Person(
        organisation=personas.organisation,
        reference_code="HVBULK01",
        given_name="Bulk",
        phone="07700 900777",
        address_line_1="Synthetic bulk address",
    )
    person.created_at = person.updated_at = timezone.now()
    TableWriter(Person).write([person], timezone.now())
    assert _stored("people_person", "phone", person.pk).startswith("hv1:")
    assert list(Person.objects.with_phone("07700900777")) == [Person.objects.get(pk=person.pk)]


# -- rotation -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_rotation_reencrypts_everything_with_the_newest_key_and_is_idempotent(personas):
    person = _person(personas, phone="07700 900123", address_line_1="Synthetic Street")
    old_token = _stored("people_person", "phone", person.pk)
    with override_settings(HAVEN_FIELD_KEYS=[NEW_KEY, *haven_settings.HAVEN_FIELD_KEYS]):
        out = io.StringIO()
        call_command("keys", "rotate", "--batch-size", "1", stdout=out)
        assert "people.Person: 1 row(s), 2 value(s) re-encrypted" in out.getvalue()
        new_token = _stored("people_person", "phone", person.pk)
        assert new_token != old_token
        assert encryption.field_cipher().is_current(new_token)
        assert rotate_all().reencrypted == 0  # nothing left: a rerun changes nothing
    with override_settings(HAVEN_FIELD_KEYS=[NEW_KEY]):  # the old key can now go
        assert Person.objects.get(pk=person.pk).phone == "07700 900123"


@pytest.mark.django_db
def test_rotation_carries_on_after_an_interruption_and_encrypts_leftover_plaintext(personas):
    people = [_person(personas, phone=f"07700 90010{n}") for n in range(3)]
    with connection.cursor() as cursor:  # a row an interrupted migration left in plaintext
        cursor.execute(
            "UPDATE people_person SET phone = %s WHERE id = %s",
            ["07700 900100", people[0].pk.hex if connection.vendor == "sqlite" else people[0].pk],
        )
    with override_settings(HAVEN_FIELD_KEYS=[NEW_KEY, *haven_settings.HAVEN_FIELD_KEYS]):
        report = rotate_all(batch_size=2)
        assert report.reencrypted == 3
        assert rotate_all().reencrypted == 0
        assert _stored("people_person", "phone", people[0].pk).startswith("hv1:")
        assert Person.objects.get(pk=people[0].pk).phone == "07700 900100"


@pytest.mark.django_db
def test_a_new_blind_index_key_is_applied_by_rotation(personas):
    person = _person(personas, phone="07700 900123")
    with override_settings(HAVEN_BLIND_INDEX_KEY="a-new-blind-index-key-0123456789abcdefgh"):
        assert not Person.objects.with_phone("07700900123").exists()
        assert rotate_all().reindexed == 1
        assert list(Person.objects.with_phone("07700900123")) == [person]


@pytest.mark.django_db
def test_rotation_stops_with_the_row_named_when_a_key_is_missing(personas):
    person = _person(personas, phone="07700 900123")
    with override_settings(HAVEN_FIELD_KEYS=[NEW_KEY]):
        err = io.StringIO()
        with pytest.raises(SystemExit) as exited:
            call_command("keys", "rotate", stdout=io.StringIO(), stderr=err)
    assert exited.value.code == 2
    assert f"people.Person {person.pk}: phone cannot be decrypted" in err.getvalue()


def test_keys_generate_prints_three_working_keys():
    out = io.StringIO()
    call_command("keys", "generate", stdout=out, stderr=io.StringIO())
    lines = dict(line.split("=", 1) for line in out.getvalue().split())
    assert set(lines) == {"HAVEN_FIELD_KEYS", "HAVEN_BLIND_INDEX_KEY", "HAVEN_BACKUP_KEYS"}
    Fernet(lines["HAVEN_FIELD_KEYS"])
    Fernet(lines["HAVEN_BACKUP_KEYS"])
    assert len(lines["HAVEN_BLIND_INDEX_KEY"]) >= 32


@pytest.mark.django_db
def test_contact_attempt_notes_are_encrypted_and_blank_ones_still_filter(personas, team_case):
    attempt = ContactAttempt.objects.create(
        case=team_case,
        channel="phone",
        outcome="no_answer",
        notes="Synthetic: try after 6pm",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    assert _stored("casework_contactattempt", "notes", attempt.pk).startswith("hv1:")
    assert list(team_case.attempts.exclude(notes="")) == [attempt]


@pytest.mark.django_db
def test_the_data_migration_decrypts_when_reversed_and_encrypts_again(personas):
    """haven/core/encryption_migrations.py, as the people/casework/risk i15 migrations use it."""
    from django.apps import apps

    from haven.core.encryption_migrations import _rewrite

    person = _person(personas, phone="07700 900123", address_line_1="1 Synthetic Street")
    fields = ["phone", "address_line_1", "address_line_2"]
    _rewrite(apps, "people", "Person", fields, encrypt=False)
    assert _stored("people_person", "phone", person.pk) == "07700 900123"
    assert _stored("people_person", "address_line_2", person.pk) == ""
    _rewrite(apps, "people", "Person", fields, encrypt=True)
    assert _stored("people_person", "phone", person.pk).startswith("hv1:")
    assert Person.objects.get(pk=person.pk).address_line_1 == "1 Synthetic Street"
