"""Add, edit and correct case notes."""

from __future__ import annotations

from haven.casework.models import NoteType
from haven.govuk.forms import GovukDateTimeField, GovukForm, GovukRadiosField, GovukTextareaField
from haven.validators import NOTE_MAX_LENGTH


class CaseNoteForm(GovukForm):
    note_type = GovukRadiosField(label="Type of note", choices=NoteType.choices)
    happened_at = GovukDateTimeField(
        label="When did it happen?", when="today_or_past", error_label="date and time it happened"
    )
    text = GovukTextareaField(
        label="Note", rows=8, error_label="the note", max_length=NOTE_MAX_LENGTH, threshold=90
    )


class CorrectionForm(GovukForm):
    text = GovukTextareaField(
        label="Correction",
        rows=6,
        error_label="the correction",
        max_length=NOTE_MAX_LENGTH,
        threshold=90,
        hint="Say what was wrong and what is right. The original note is kept.",
    )
