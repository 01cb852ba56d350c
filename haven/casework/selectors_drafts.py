"""Reads of a user's own drafts on a case (casework/draft_models.py): nobody else sees them."""

from __future__ import annotations

from haven.accounts.models import User
from haven.casework.models import Case, FormDraft
from haven.casework.services.drafts import kept_since


def form_draft_for(case: Case, author: User, form_key: str) -> FormDraft | None:
    """The author's draft of the form on the case, unless it is older than it is kept."""
    return FormDraft.objects.filter(
        case=case, author=author, form_key=form_key, saved_at__gte=kept_since()
    ).first()


def drafts_on_case(case: Case, author: User) -> list[FormDraft]:
    """The author's drafts on the case, latest first (the case page offers to continue them)."""
    return list(
        FormDraft.objects.filter(case=case, author=author, saved_at__gte=kept_since()).order_by(
            "-saved_at"
        )
    )
