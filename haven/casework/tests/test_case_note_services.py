"""Notes: the author may edit within 24 hours, every version kept; afterwards only corrections."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from haven.casework.models import CaseNoteVersion
from haven.casework.services import (
    NoteNotEditableError,
    case_note_add,
    case_note_correct,
    case_note_edit,
)
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def note(team_case, personas):
    return case_note_add(
        case=team_case,
        author=personas.caseworker,
        note_type="contact",
        text="Spoke about safety planning",
        happened_at=timezone.now(),
    )


def test_adding_a_note_is_audited_and_on_the_timeline(note, team_case):
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(note.pk)).exists()
    assert team_case.events.filter(kind="note").exists()


def test_the_author_may_edit_within_24_hours_and_the_old_version_is_kept(note, personas):
    case_note_edit(
        note=note,
        edited_by=personas.caseworker,
        text="Spoke about safety planning and housing",
        note_type="contact",
        happened_at=note.happened_at,
    )
    note.refresh_from_db()
    assert note.version == 2
    (old,) = CaseNoteVersion.objects.filter(note=note)
    assert old.text == "Spoke about safety planning"
    assert old.version == 1


def test_every_edit_keeps_a_version(note, personas):
    for text in ("second", "third"):
        case_note_edit(
            note=note,
            edited_by=personas.caseworker,
            text=text,
            note_type="contact",
            happened_at=note.happened_at,
        )
    assert list(note.versions.values_list("text", flat=True)) == [
        "second",
        "Spoke about safety planning",
    ]


def test_after_24_hours_the_note_cannot_be_edited(note, personas):
    with (
        time_machine.travel(timezone.now() + dt.timedelta(hours=24, minutes=1)),
        pytest.raises(NoteNotEditableError),
    ):
        case_note_edit(
            note=note,
            edited_by=personas.caseworker,
            text="x",
            note_type="contact",
            happened_at=note.happened_at,
        )


def test_someone_else_cannot_edit_the_note(note, personas):
    with pytest.raises(NoteNotEditableError, match="Only the author"):
        case_note_edit(
            note=note,
            edited_by=personas.teammate,
            text="x",
            note_type="contact",
            happened_at=note.happened_at,
        )


def test_a_correction_is_appended_and_the_original_kept(note, personas):
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        correction = case_note_correct(
            note=note, author=personas.teammate, text="It was Tuesday, not Monday"
        )
    note.refresh_from_db()
    assert correction.corrects_id == note.pk
    assert note.text == "Spoke about safety planning"
    assert note.case.events.filter(kind="note_correction").exists()
