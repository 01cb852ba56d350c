"""Permission predicates (django-rules). Object-level checks live beside the model's selectors."""

from __future__ import annotations

import rules

from haven.accounts.roles import MANAGER_ROLES, PROVIDER_ROLES, Role
from haven.accounts.signed_in import Viewer


def _roles(user: Viewer) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return user.roles()


@rules.predicate
def is_provider_staff(user: Viewer) -> bool:
    return bool(_roles(user) & PROVIDER_ROLES)


@rules.predicate
def is_commissioner(user: Viewer) -> bool:
    return Role.COMMISSIONER in _roles(user)


@rules.predicate
def is_manager(user: Viewer) -> bool:
    return bool(_roles(user) & MANAGER_ROLES)


@rules.predicate
def is_auditor(user: Viewer) -> bool:
    return Role.AUDITOR in _roles(user)


@rules.predicate
def is_administrator(user: Viewer) -> bool:
    return Role.ADMINISTRATOR in _roles(user)


@rules.predicate
def is_analyst(user: Viewer) -> bool:
    return Role.ANALYST in _roles(user)


rules.add_perm("core.view_audit", is_manager | is_auditor | rules.is_superuser)
rules.add_perm("accounts.manage_staff", is_administrator | rules.is_superuser)
rules.add_perm(
    "contracts.view_contract_list", is_provider_staff | is_commissioner | rules.is_superuser
)
rules.add_perm("contracts.load_profiles", is_administrator | rules.is_superuser)
