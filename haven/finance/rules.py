"""Who may see and keep a contract's finance (django-rules discovers this module).

`finance.view_finance`: service managers, administrators and analysts of the organisation
providing the contract (and superusers); without an object, whether the user may see any
contract's finance (the home page's link). `finance.record_finance`: service managers and
administrators of the provider set budgets and profiles, record income and spend and import the
finance system's CSV. Caseworkers and team leaders have no access; commissioners see the
figures only through the submitted return.
"""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

READERS = frozenset({Role.SERVICE_MANAGER, Role.ADMINISTRATOR, Role.ANALYST})
KEEPERS = frozenset({Role.SERVICE_MANAGER, Role.ADMINISTRATOR})


def organisation_ids(user: Viewer, roles: frozenset[Role]) -> set[Any]:
    """The organisations in which the user holds one of the roles."""
    if not isinstance(user, User) or not user.is_active or not user.roles() & roles:
        return set()
    return {
        m.organisation_id
        for m in user.memberships.all()
        if m.role in roles and m.organisation_id is not None
    }


def _of_provider(user: Viewer, contract: Any, roles: frozenset[Role]) -> bool:
    organisations = organisation_ids(user, roles)
    if contract is None:
        return bool(organisations)
    return contract.provider_id is not None and contract.provider_id in organisations


@rules.predicate
def reads_finance_of(user: Viewer, contract: Any = None) -> bool:
    return _of_provider(user, contract, READERS)


@rules.predicate
def keeps_finance_of(user: Viewer, contract: Any = None) -> bool:
    return _of_provider(user, contract, KEEPERS)


rules.add_perm("finance.view_finance", reads_finance_of | rules.is_superuser)
rules.add_perm("finance.record_finance", keeps_finance_of | rules.is_superuser)
