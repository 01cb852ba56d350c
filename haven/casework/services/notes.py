"""Contemporaneous case notes: the author may edit for 24 hours (every version kept), then only correct."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseNote, CaseNoteVersion, NoteType
from haven.casework.services.closed import refuse_if_closed
from haven.casework.services.events import case_event_record
from haven.casework.services.waiting_list import waiting_contact_record
from haven.core.auditor import audit_event
from haven.core.formatting import datetime_format
from haven.core.models import AuditAction
from haven.validators import NOTE_MAX_LENGTH, moment_problem, refuse, text_problem, to_the_minute

EDIT_WINDOW = timedelta(hours=24)


class NoteNotEditableError(Exception):
    """Only the author may edit, and only within 24 hours; afterwards add a correction."""


def note_edit_refusal(note: CaseNote, user: User, now: datetime | None = None) -> str | None:
    if note.author_id != user.pk:
        return "Only the author can edit a note; add a correction instead"
    if (now or timezone.now()) - note.recorded_at > EDIT_WINDOW:
        return (
            "Notes can only be edited within 24 hours of being recorded; add a correction instead"
        )
    return None


def note_problems(*, case: Case, text: str, happened_at: datetime) -> None:
    """Refuse (ValidationError by field) a note dated before the case opened or in the future,
    or too long (issue 9 s4)."""
    refuse(
        {
            "happened_at": moment_problem(
                happened_at,
                subject="Date and time it happened",
                now=timezone.now(),
                not_before=to_the_minute(case.opened_at),
                not_before_what=f"the time the case was opened, {datetime_format(case.opened_at)}",
            ),
            "text": text_problem(text, subject="The note", limit=NOTE_MAX_LENGTH),
        }
    )


@transaction.atomic
def case_note_add(
    *,
    case: Case,
    author: User,
    note_type: str,
    text: str,
    happened_at: datetime,
    corrects: CaseNote | None = None,
) -> CaseNote:
    """Add a note (or a correction) to an open case; a closed case takes none (CaseClosedError)."""
    refuse_if_closed(case)
    note_problems(case=case, text=text, happened_at=happened_at)
    now = timezone.now()
    note = CaseNote.objects.create(
        case=case,
        author=author,
        note_type=note_type,
        text=text,
        happened_at=happened_at,
        recorded_at=now,
        corrects=corrects,
    )
    audit_event(
        actor=author,
        action=AuditAction.CREATE,
        target=note,
        changes={"note_type": [None, note_type]},
    )
    kind, label = (
        (CaseEventKind.NOTE_CORRECTION, "Correction added")
        if corrects
        else (CaseEventKind.NOTE, "Note added")
    )
    case_event_record(
        case=case,
        kind=kind,
        actor=author,
        target=note,
        occurred_at=happened_at,
        summary=f"{label}: {NoteType(note_type).label}",
        data={"note_id": str(note.pk), "corrects": str(corrects.pk) if corrects else ""},
    )
    if note_type == NoteType.CONTACT and corrects is None:  # the periodic contact while waiting
        waiting_contact_record(case=case, at=happened_at, actor=author)
    return note


@transaction.atomic
def case_note_edit(
    *, note: CaseNote, edited_by: User, text: str, note_type: str, happened_at: datetime
) -> CaseNote:
    """Replace the wording, keeping the old version; refused outside the author's 24 hours and
    on a closed case."""
    refuse_if_closed(note.case)
    refusal = note_edit_refusal(note, edited_by)
    if refusal:
        raise NoteNotEditableError(refusal)
    note_problems(case=note.case, text=text, happened_at=happened_at)
    now = timezone.now()
    CaseNoteVersion.objects.create(
        note=note,
        version=note.version,
        note_type=note.note_type,
        happened_at=note.happened_at,
        text=note.text,
        replaced_at=now,
        replaced_by=edited_by,
    )
    changes = {
        "version": [note.version, note.version + 1],
        "note_type": [note.note_type, note_type],
        "happened_at": [note.happened_at, happened_at],
    }
    note.text, note.note_type, note.happened_at = text, note_type, happened_at
    note.version += 1
    note.save(update_fields=["text", "note_type", "happened_at", "version", "updated_at"])
    audit_event(actor=edited_by, action=AuditAction.UPDATE, target=note, changes=changes)
    case_event_record(
        case=note.case,
        kind=CaseEventKind.NOTE_EDITED,
        actor=edited_by,
        target=note,
        summary=f"Note edited (version {note.version})",
        data={"note_id": str(note.pk)},
    )
    return note


def case_note_correct(*, note: CaseNote, author: User, text: str) -> CaseNote:
    """Append a correction to a note (any time; the original stays as it was)."""
    original = note.corrects or note
    return case_note_add(
        case=note.case,
        author=author,
        note_type=original.note_type,
        text=text,
        happened_at=timezone.now(),
        corrects=original,
    )
