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


def draft_fits(posted: QueryDict) -> bool:
    """No answer longer than the longest Haven records (a case note), and a sane number."""
    return len(posted) <= MAX_FIELDS and all(
        len(value) <= NOTE_MAX_LENGTH for name in posted for value in posted.getlist(name)
    )


def kept_since(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=DRAFT_KEPT_DAYS)


@transaction.atomic
def form_draft_save(
    *, case: Case, author: User, form_key: str, title: str, path: str, posted: QueryDict
) -> FormDraft:
    """Keep what was typed into the form (replacing this author's earlier draft of it); drafts
    of this author older than DRAFT_KEPT_DAYS are deleted."""
    if not draft_fits(posted):
        raise ValidationError(DRAFT_TOO_LONG)
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
