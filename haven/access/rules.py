"""Role predicates (django-rules) that every app's permissions are built from."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import CHANGE_ROLES
from haven.accounts.roles import Role

CASE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER, Role.ANALYST})


def _roles(user: Any) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return user.roles()  # type: ignore[no-any-return]


@rules.predicate
def has_case_role(user: Any) -> bool:
    """Provider staff who work with cases; commissioners never see cases."""
    return bool(_roles(user) & CASE_ROLES)


@rules.predicate
def may_change_cases(user: Any) -> bool:
    return bool(_roles(user) & CHANGE_ROLES)
