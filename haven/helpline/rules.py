"""Who works the helpline (django-rules discovers this module): caseworkers, team leaders and
service managers of the provider take calls and make call-backs; team leaders and service
managers keep the rota and see the figures."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer

CALL_TAKER_ROLES = frozenset({Role.CASEWORKER, *MANAGER_ROLES})


def call_taker_organisations(user: Viewer) -> set[Any]:
    """The organisations whose helpline the user works (every one for a superuser: None)."""
    if not isinstance(user, User) or not user.is_active:
        return set()
    return {m.organisation_id for m in user.memberships.all() if m.role in CALL_TAKER_ROLES}


def manager_organisations(user: Viewer) -> set[Any]:
    if not isinstance(user, User) or not user.is_active:
        return set()
    return {m.organisation_id for m in user.memberships.all() if m.role in MANAGER_ROLES}


@rules.predicate
def takes_calls(user: Viewer, contract: Any = None) -> bool:
    """A call taker of the contract's provider (of any provider without a contract)."""
    organisations = call_taker_organisations(user)
    if contract is None:
        return bool(organisations)
    return contract.provider_id in organisations


@rules.predicate
def manages_helpline(user: Viewer, contract: Any = None) -> bool:
    """A team leader or service manager of the contract's provider (of any without one)."""
    organisations = manager_organisations(user)
    if contract is None:
        return bool(organisations)
    return contract.provider_id in organisations


rules.add_perm("helpline.take_calls", takes_calls | rules.is_superuser)
rules.add_perm("helpline.manage_rota", manages_helpline | rules.is_superuser)
rules.add_perm("helpline.view_figures", manages_helpline | rules.is_superuser)
