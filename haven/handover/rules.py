"""Who may see the log of handover runs: the data protection officer and the service manager
(the bundle itself is made at the command line by whoever runs the server)."""

from __future__ import annotations

import rules

from haven.accounts.roles import Role
from haven.accounts.rules import is_data_protection_officer
from haven.accounts.signed_in import Viewer


@rules.predicate
def is_service_manager(user: Viewer) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Role.SERVICE_MANAGER in user.roles()


rules.add_perm(
    "handover.view_runs", is_data_protection_officer | is_service_manager | rules.is_superuser
)
