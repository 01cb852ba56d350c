"""Save a long form as a draft and discard it (issue 11: "save as draft, and never lose what was
typed"). Only the author's own drafts are read or written; the audit trail records that a draft
was saved or discarded, never what it holds."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import DRAFT_KEPT_DAYS, Case, FormDraft
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import NOTE_MAX_LENGTH

# what a posted form carries that is not the person's answers
NOT_KEPT = frozenset({"csrfmiddlewaretoken", "form_token", "save_draft", "confirm", "change"})
MAX_FIELDS = 500
DRAFT_TOO_LONG = (
    f"The draft was not saved: an answer is longer than {NOTE_MAX_LENGTH:,} characters. "
    "Shorten it and save again."
)
DRAFT_NULL = "The draft was not saved: an answer holds a null character. Remove it and save again."
DRAFT_TOO_MANY = "The draft was not saved: the form sent more answers than any Haven form has."


def draft_problem(posted: QueryDict) -> str | None:
    """Why what was typed cannot be kept even as a draft: more answers than a form has, one
    longer than the longest Haven records (a case note), or a null character (no database
    keeps one in text); None when it can."""
    if len(posted) > MAX_FIELDS:
        return DRAFT_TOO_MANY
    for name in posted:
        if "\x00" in name:
            return DRAFT_NULL
        for value in posted.getlist(name):
            if len(value) > NOTE_MAX_LENGTH:
                return DRAFT_TOO_LONG
            if "\x00" in value:
                return DRAFT_NULL
    return None


def kept_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=DRAFT_KEPT_DAYS)


@transaction.atomic
def form_draft_save(
    *, case: Case, author: User, form_key: str, title: str, path: str, posted: QueryDict
) -> FormDraft:
    """Keep what was typed into the form (replacing this author's earlier draft of it); drafts
    of this author older than DRAFT_KEPT_DAYS are deleted."""
    problem = draft_problem(posted)
    if problem is not None:
        raise ValidationError(problem)
    now = timezone.now()
    FormDraft.objects.filter(author=author, saved_at__lt=kept_since(now)).delete()
    data = {name: posted.getlist(name) for name in posted if name not in NOT_KEPT}
    draft, created = FormDraft.objects.update_or_create(
        case=case,
        author=author,
        form_key=form_key,
        defaults={"title": title, "path": path, "data": data, "saved_at": now},
    )
    audit_event(
        actor=author,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=draft,
        changes={"form": form_key},
    )
    return draft


@transaction.atomic
def form_draft_discard(*, case: Case, author: User, form_key: str) -> bool:
    """Delete the author's draft of the form (after it was submitted, or on request)."""
    draft = FormDraft.objects.filter(case=case, author=author, form_key=form_key).first()
    if draft is None:
        return False
    audit_event(actor=author, action=AuditAction.DELETE, target=draft, changes={"form": form_key})
    draft.delete()
    return True
