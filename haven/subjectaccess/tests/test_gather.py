"""The search (reference.md s7; issue 15 item 3): it walks the model graph from the person, so
every record linked to them is found (records added by later apps included), never another
person's records; plus the audit of who looked at or changed their records."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import models

from haven.casework.models import CaseNote
from haven.people.models import Person
from haven.subjectaccess import gather as search
from haven.subjectaccess.gather import AUDIT_LABEL, gather, redacted_value, walk
from haven.subjectaccess.tests.conftest import HARMER_GIVEN
from haven.testing.casework import CaseNoteFactory
from haven.testing.people import PersonAliasFactory, PersonFlagFactory

pytestmark = pytest.mark.django_db


def test_the_walk_finds_records_on_the_person_and_on_their_records(world):
    PersonFlagFactory(person=world.person)
    PersonAliasFactory(person=world.person)
    found = {model._meta.label_lower: rows for model, rows in walk(world.person).items()}
    assert {"casework.case", "referrals.referral", "casework.casenote"} <= set(found)
    assert "casework.casenoteversion" in found  # three steps away: person, case, note, version
    assert {"people.personflag", "people.personalias", "people.harmlink"} <= set(found)
    assert "people.householdlink" in found
    assert len(found["casework.casenote"]) == 2


def test_every_model_pointing_at_a_person_is_searched(world):
    """Records added by other apps later are included: the walk is generic, from the foreign
    keys, not a list of models."""
    pointing = {
        model._meta.label_lower
        for model in search._haven_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Person
    }
    assert {"casework.case", "referrals.referral", "outbox.message", "plans.safetyplan"} <= pointing
    assert not any(label.startswith("subjectaccess.") for label in pointing)


def test_another_persons_records_are_never_gathered(world, open_case):
    other_case = open_case()
    CaseNoteFactory(case=other_case, text="Somebody else's note")
    found = walk(world.person)
    notes = found[CaseNote]
    assert all(note.case_id == world.case.pk for note in notes)
    assert Person not in found


def test_the_audit_trail_of_the_person_and_their_records_is_included(world):
    gathered = gather(world.person)
    audit = [item for item in gathered.items if item.record_type == "core.auditevent"]
    assert any(item.label.endswith("Your record") for item in audit)
    assert any(f["value"] == "Viewed by a member of staff" for i in audit for f in i.fields)
    assert gathered.coverage[AUDIT_LABEL] >= 2


def test_staff_names_are_disclosed_only_when_the_setting_says_so(world, settings):
    gathered = gather(world.person)
    text = str([item.fields for item in gathered.items])
    assert world.personas.caseworker.email not in text
    settings.HAVEN_SAR_DISCLOSE_STAFF_NAMES = True
    text = str([item.fields for item in gather(world.person).items])
    assert world.personas.caseworker.email in text


def test_coverage_counts_each_record_type(world):
    gathered = gather(world.person)
    assert gathered.coverage["Case note"] == 2
    assert gathered.coverage["Person"] == 1
    assert gathered.coverage["Referral"] == 1


def test_a_registered_presenter_labels_records_and_the_fallback_covers_the_rest(world):
    gathered = gather(world.person)
    labels = [item.label for item in gathered.items]
    assert any(label.startswith("Case opened") for label in labels)  # registered
    assert any(label.startswith("Harm link") for label in labels)  # generic fallback


def test_names_are_removed_whole_words_only_and_longest_first():
    text = f"{HARMER_GIVEN} Quill came; {HARMER_GIVEN}son did not."
    redacted = redacted_value(text, [HARMER_GIVEN, f"{HARMER_GIVEN} Quill"])
    assert redacted == f"[name removed] came; {HARMER_GIVEN}son did not."


def test_no_model_is_missing_from_the_candidates():
    """Every Haven model except the person and the audit itself can be walked into."""
    candidates = set(search._haven_models())
    for model in apps.get_models():
        if model.__module__.startswith("haven.") and model._meta.app_label != "subjectaccess":
            assert model in candidates or model._meta.label_lower in {
                "people.person",
                "core.auditevent",
            }
