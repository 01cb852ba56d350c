"""Who may keep the security items catalogue, approve spending over a property's limit and see
the target hardening budget (django-rules discovers this module)."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import roles_for_case
from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer


def _organisation_roles(user: Viewer, organisation_id: Any) -> set[str]:
    if not isinstance(user, User) or not user.is_authenticated:
        return set()
    return {m.role for m in user.memberships.all() if m.organisation_id == organisation_id}


@rules.predicate
def manages_catalogue_of(user: Viewer, provider: Any) -> bool:
    """A service manager of the provider (the items and prices are the provider's, agreed with
    the commissioner: seed 002 Lot 2 s3.1 "up to an agreed price")."""
    return provider is not None and Role.SERVICE_MANAGER in _organisation_roles(user, provider.pk)


@rules.predicate
def manages_case(user: Viewer, case: Any) -> bool:
    """A team leader or service manager reaching the case."""
    return case is not None and bool(roles_for_case(user, case) & MANAGER_ROLES)


def _runs_target_hardening(organisation_ids: Any) -> bool:
    from haven.contracts.models import Contract

    return any(
        "target_hardening" in (contract.profile.get("service_types") or [])
        for contract in Contract.objects.filter(provider_id__in=organisation_ids).only("profile")
    )


@rules.predicate
def manages_target_hardening(user: Viewer) -> bool:
    """A team leader or service manager of a provider with a target hardening contract."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    cached: bool | None = user.__dict__.get("_manages_target_hardening")
    if cached is None:
        mine = [m.organisation_id for m in user.memberships.all() if m.role in MANAGER_ROLES]
        cached = bool(mine) and _runs_target_hardening(mine)
        user.__dict__["_manages_target_hardening"] = cached
    return cached


rules.add_perm("targethardening.manage_catalogue", manages_catalogue_of | rules.is_superuser)
rules.add_perm("targethardening.approve_over_limit", manages_case | rules.is_superuser)
# Team leaders and service managers see the budget of their provider's services (issue 13 s8)
rules.add_perm("targethardening.view_budget", manages_target_hardening | rules.is_superuser)
