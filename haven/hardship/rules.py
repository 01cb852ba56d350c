"""Who may keep the hardship fund (seed 002 s3.8) and decide its grants (django-rules discovers
this module). Requesting a grant is changing the case (casework's rule)."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import can_manage_case
from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.rules import is_manager
from haven.accounts.signed_in import Viewer


@rules.predicate
def manages_provider_of(user: Viewer, contract: Any) -> bool:
    """A service manager of the contract's provider (sets the year's budget)."""
    if contract is None or not isinstance(user, User):
        return False
    return any(
        m.role == Role.SERVICE_MANAGER and m.organisation_id == contract.provider_id
        for m in user.memberships.all()
    )


@rules.predicate
def manages_case(user: Viewer, case: Any) -> bool:
    """A team leader or service manager reaching the case (decides and pays its grants)."""
    return case is not None and can_manage_case(user, case)


# Team leaders and service managers open the hardship funds' pages (issue 13 item 9).
rules.add_perm("hardship.view_funds", is_manager | rules.is_superuser)
rules.add_perm("hardship.set_budget", manages_provider_of | rules.is_superuser)
rules.add_perm("hardship.decide_grant", manages_case | rules.is_superuser)
