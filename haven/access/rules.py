"""Role predicates (django-rules) that every app's permissions are built from."""

from __future__ import annotations

import rules

from haven.access.scope import CHANGE_ROLES
from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

CASE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER, Role.ANALYST})


def _roles(user: Viewer) -> set[str]:
    if not isinstance(user, User):
        return set()
    return user.roles()


@rules.predicate
def has_case_role(user: Viewer) -> bool:
    """Provider staff who work with cases; commissioners never see cases."""
    return bool(_roles(user) & CASE_ROLES)


@rules.predicate
def may_change_cases(user: Viewer) -> bool:
    return bool(_roles(user) & CHANGE_ROLES)
