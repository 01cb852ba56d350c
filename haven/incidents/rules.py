"""Who may keep the serious-incident register and the complaints and compliments logs, and
export a case's chronology (django-rules discovers this module)."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import roles_for_case
from haven.accounts.roles import Role
from haven.accounts.rules import is_manager
from haven.accounts.signed_in import Viewer


@rules.predicate
def manages_service_of(user: Viewer, case: Any) -> bool:
    """A service manager of the case's provider (seed 004 s6.5: chronologies for a domestic
    homicide review are provided on request, by the service's management)."""
    return case is not None and Role.SERVICE_MANAGER in roles_for_case(user, case)


# Team leaders and service managers keep the register and the logs (issue 12 items 10-11).
rules.add_perm("incidents.view_register", is_manager | rules.is_superuser)
rules.add_perm("incidents.export_chronology", manages_service_of | rules.is_superuser)
