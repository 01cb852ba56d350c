"""Who may sign off and submit a return, and who may read submitted returns (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract


def _scopes(user: User, role: Role, field: str) -> set[Any]:
    """The organisations (or commissioners) in which `user` holds `role`, cached per user."""
    attribute = f"_reporting_{role}_{field}"
    cached: set[Any] | None = getattr(user, attribute, None)
    if cached is None:
        cached = set(user.memberships.filter(role=role).values_list(field, flat=True))
        setattr(user, attribute, cached)
    return cached


def managed_organisation_ids(user: Viewer | None) -> set[Any]:
    if not isinstance(user, User) or not user.is_active:
        return set()
    return _scopes(user, Role.SERVICE_MANAGER, "organisation_id")


def commissioner_ids(user: Viewer | None) -> set[Any]:
    if not isinstance(user, User) or not user.is_active:
        return set()
    return _scopes(user, Role.COMMISSIONER, "commissioner_id")


@rules.predicate
def manages_providing_organisation(user: Viewer, contract: Contract | None = None) -> bool:
    """A service manager of the organisation that delivers the contract (any, without one)."""
    organisations = managed_organisation_ids(user)
    return bool(organisations) if contract is None else contract.provider_id in organisations


@rules.predicate
def commissions_contract(user: Viewer, contract: Contract | None = None) -> bool:
    """A commissioner of the body that buys the contract (any commissioner, without one)."""
    bodies = commissioner_ids(user)
    return bool(bodies) if contract is None else contract.commissioner_id in bodies


# seed 004 s11.1: the service signs off its quarterly data; the commissioner receives it.
rules.add_perm("reporting.sign_off_return", manages_providing_organisation | rules.is_superuser)
rules.add_perm("reporting.view_submitted_returns", commissions_contract | rules.is_superuser)
