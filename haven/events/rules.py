"""Who may see and record the service's events (django-rules discovers this module).

Events are the service's own work, about no one: any of the provider's caseworkers, team
leaders, service managers and analysts see them all; all but analysts may record them (issue 16
item 2). Commissioners and partners see none; staff of another provider see none of these.
"""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

VIEW_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER, Role.ANALYST})
RECORD_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER})


def organisation_ids(user: Viewer, roles: frozenset[Role]) -> set[Any]:
    """The organisations in which the user holds one of `roles`."""
    if not isinstance(user, User) or not user.is_authenticated:
        return set()
    return set(
        user.memberships.filter(role__in=roles, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


@rules.predicate
def sees_events(user: Viewer) -> bool:
    return bool(isinstance(user, User) and user.is_authenticated and user.roles() & VIEW_ROLES)


@rules.predicate
def records_events(user: Viewer) -> bool:
    return bool(isinstance(user, User) and user.is_authenticated and user.roles() & RECORD_ROLES)


def may_record_for(user: Viewer, provider_id: Any) -> bool:
    """The user may record events of this provider (checked in every service)."""
    if isinstance(user, User) and user.is_superuser:
        return True
    return provider_id in organisation_ids(user, RECORD_ROLES)


rules.add_perm("events.view_events", sees_events | rules.is_superuser)
rules.add_perm("events.record_events", records_events | rules.is_superuser)
