"""Who may see the refuge rooms board and keep the properties (django-rules discovers this
module). Moving in and out is a change to the case (`@with_case(change=True)`)."""

from __future__ import annotations

import rules

from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

BOARD_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER})


def _roles(user: Viewer) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return set(user.roles())


@rules.predicate
def reads_board(user: Viewer) -> bool:
    return bool(_roles(user) & BOARD_ROLES)


@rules.predicate
def is_service_manager(user: Viewer) -> bool:
    return Role.SERVICE_MANAGER in _roles(user)


# Team leaders and service managers fill rooms; caseworkers read the board (issue 13 item 1).
rules.add_perm("refuge.view_board", reads_board | rules.is_superuser)
# Service managers add and change properties, rooms and voids.
rules.add_perm("refuge.manage_properties", is_service_manager | rules.is_superuser)
