"""Who may see and record people. Which people a user sees is ``Person.objects.visible_to``."""

from __future__ import annotations

from rules.permissions import add_perm
from rules.predicates import predicate

from haven.accounts.roles import Role
from haven.accounts.rules import is_provider_staff
from haven.accounts.signed_in import Viewer

RECORDING_ROLES = frozenset(
    {Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER, Role.ADMINISTRATOR}
)


@predicate
def records_people(user: Viewer) -> bool:
    """Front-line staff and managers record people; analysts and auditors only read."""
    if user is None or not user.is_authenticated:
        return False
    return bool(user.roles() & RECORDING_ROLES)


# Design §4: commissioners see aggregates, never names, so only provider staff see people.
add_perm("people.view_person", is_provider_staff)
add_perm("people.change_person", records_people)
