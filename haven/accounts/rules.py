"""Permission predicates (django-rules). Object-level checks live beside the model's selectors."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.roles import MANAGER_ROLES, PROVIDER_ROLES, Role


def _roles(user: Any) -> set[str]:
    if user is None or not user.is_authenticated:
        return set()
    return user.roles()  # type: ignore[no-any-return]


@rules.predicate
def is_provider_staff(user: Any) -> bool:
    return bool(_roles(user) & PROVIDER_ROLES)


@rules.predicate
def is_commissioner(user: Any) -> bool:
    return Role.COMMISSIONER in _roles(user)


@rules.predicate
def is_manager(user: Any) -> bool:
    return bool(_roles(user) & MANAGER_ROLES)


@rules.predicate
def is_auditor(user: Any) -> bool:
    return Role.AUDITOR in _roles(user)


@rules.predicate
def is_administrator(user: Any) -> bool:
    return Role.ADMINISTRATOR in _roles(user)


@rules.predicate
def is_analyst(user: Any) -> bool:
    return Role.ANALYST in _roles(user)


rules.add_perm("core.view_audit", is_manager | is_auditor | rules.is_superuser)
rules.add_perm("core.export_audit", is_auditor | rules.is_superuser)
rules.add_perm("accounts.manage_staff", is_administrator | rules.is_superuser)
rules.add_perm(
    "contracts.view_contract_list", is_provider_staff | is_commissioner | rules.is_superuser
)
rules.add_perm("contracts.load_profiles", is_administrator | rules.is_superuser)
