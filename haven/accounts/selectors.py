"""Reads about staff and their roles."""

from __future__ import annotations

from haven.accounts.models import Membership
from haven.accounts.signed_in import Viewer


def memberships_of(user: Viewer) -> list[Membership]:
    """The signed-in user's own roles, for their home page."""
    if not user.is_authenticated:
        return []
    return list(
        user.memberships.select_related("organisation", "team", "commissioner").order_by("role")
    )
