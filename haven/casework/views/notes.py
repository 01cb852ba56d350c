"""Add a note, edit one's own note within 24 hours, or append a correction."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.casework.forms.notes import CaseNoteForm, CorrectionForm
from haven.casework.selectors import ReasonRequiredError, VisibleCase, note_for_user, notes_for
from haven.casework.services import (
    case_note_add,
    case_note_correct,
    case_note_edit,
    note_edit_refusal,
)
from haven.casework.views.case_access import case_url, reason_redirect, with_case
from haven.casework.views.rendering import render_page


@with_case()
def note_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    notes = list(notes_for(visible.case))
    editable = {note.pk for note in notes if note_edit_refusal(note, request.user) is None}
    return render_page(
        request,
        "casework/note_list.html",
        {"case": visible.case, "visible": visible, "notes": notes, "editable": editable},
    )


@with_case(change=True)
def note_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    form = CaseNoteForm(
        request.POST if request.method == "POST" else None, initial={"happened_at": timezone.now()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            case_note_add(case=visible.case, author=request.user, **form.cleaned_data)
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


@login_required
def note_edit(request: HttpRequest, note_id: Any) -> HttpResponse:
    try:
        visible, note = note_for_user(request.user, note_id)
    except ReasonRequiredError as required:
        return reason_redirect(request, required.case_id)
    if not visible.can_change or note_edit_refusal(note, request.user):
        raise PermissionDenied
    initial = {"note_type": note.note_type, "happened_at": note.happened_at, "text": note.text}
    form = CaseNoteForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            case_note_edit(note=note, edited_by=request.user, **form.cleaned_data)
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


@login_required
def note_correct(request: HttpRequest, note_id: Any) -> HttpResponse:
    try:
        visible, note = note_for_user(request.user, note_id)
    except ReasonRequiredError as required:
        return reason_redirect(request, required.case_id)
    if not visible.can_change:
        raise PermissionDenied
    form = CorrectionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case_note_correct(note=note, author=request.user, text=form.cleaned_data["text"])
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Correction added")
            return redirect(case_url(visible))
    return render_page(
        request, "casework/correction_form.html", {"form": form, "case": visible.case, "note": note}
    )
