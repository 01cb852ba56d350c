"""Add a note, edit one's own note within 24 hours, or append a correction."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.forms.notes import CaseNoteForm, CorrectionForm
from haven.casework.models import CaseNote
from haven.casework.rules import record_refusal
from haven.casework.selectors import VisibleCase, attempt_notes_for, notes_for
from haven.casework.services import (
    CaseClosedError,
    attempt_summary,
    case_note_add,
    case_note_correct,
    case_note_edit,
    note_edit_refusal,
)
from haven.casework.views.case_access import case_url, with_case, with_note
from haven.casework.views.rendering import render_page


@with_case()
def note_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    notes = list(notes_for(visible.case))
    editable = {note.pk for note in notes if note_edit_refusal(note, staff_user(request)) is None}
    return render_page(
        request,
        "casework/note_list.html",
        {
            "case": visible.case,
            "visible": visible,
            "can_record": visible.can_change and record_refusal(visible.case) is None,
            "notes": notes,
            "editable": editable,
            "attempts": [(a, attempt_summary(a)) for a in attempt_notes_for(visible.case)],
        },
    )


def _closed(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    """Back to the case, saying so, when it is closed (casework.rules: nothing recorded)."""
    refusal = record_refusal(visible.case)
    if refusal is None:
        return None
    messages.info(request, refusal)
    return redirect(case_url(visible))


@with_case(change=True)
def note_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    if closed := _closed(request, visible):
        return closed
    form = CaseNoteForm(
        request.POST if request.method == "POST" else None, initial={"happened_at": timezone.now()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            case_note_add(case=visible.case, author=staff_user(request), **form.cleaned_data)
        except CaseClosedError as refused:
            messages.info(request, str(refused))
            return redirect(case_url(visible))
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Note added")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/note_form.html",
        {"form": form, "case": visible.case, "title": "Add a note"},
    )


@with_note
def note_edit(request: HttpRequest, visible: VisibleCase, note: CaseNote) -> HttpResponse:
    if not visible.can_change or note_edit_refusal(note, staff_user(request)):
        raise PermissionDenied
    if closed := _closed(request, visible):
        return closed
    initial = {"note_type": note.note_type, "happened_at": note.happened_at, "text": note.text}
    form = CaseNoteForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case_note_edit(note=note, edited_by=staff_user(request), **form.cleaned_data)
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Note updated; the earlier version is kept")
            return redirect(case_url(visible))
    return render_page(
        request,
        "casework/note_form.html",
        {"form": form, "case": visible.case, "title": "Edit note"},
    )


@with_note
def note_correct(request: HttpRequest, visible: VisibleCase, note: CaseNote) -> HttpResponse:
    if not visible.can_change:
        raise PermissionDenied
    if closed := _closed(request, visible):
        return closed
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case_note_correct(note=note, author=staff_user(request), text=form.cleaned_data["text"])
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Correction added")
            return redirect(case_url(visible))
    return render_page(
        request, "casework/correction_form.html", {"form": form, "case": visible.case, "note": note}
    )
