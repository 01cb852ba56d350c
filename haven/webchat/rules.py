"""Who may see and take web chats (django-rules discovers this module): caseworkers, team
leaders and service managers of the provider that runs the booking's contract."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import CHANGE_ROLES, change_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer

CHAT_ROLES = CHANGE_ROLES  # caseworkers, team leaders, service managers


def _roles(user: Viewer) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return set(user.roles())


@rules.predicate
def answers_chats(user: Viewer) -> bool:
    return bool(_roles(user) & CHAT_ROLES)


@rules.predicate
def may_answer_booking(user: Viewer, booking: Any) -> bool:
    """Staff of the provider that runs the booking's contract (superusers too)."""
    if booking is None or not isinstance(user, User) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return booking.contract.provider_id in change_organisations_of(user)


rules.add_perm("webchat.view_chats", answers_chats | rules.is_superuser)
rules.add_perm("webchat.answer_chat", may_answer_booking)
