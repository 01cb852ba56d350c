"""Reads about staff and their roles."""

from __future__ import annotations

from typing import Any

from haven.accounts.models import Membership


def memberships_of(user: Any) -> list[Membership]:
    """The signed-in user's own roles, for their home page."""
    if not user.is_authenticated:
        return []
    return list(
        user.memberships.select_related("organisation", "team", "commissioner").order_by("role")
    )
