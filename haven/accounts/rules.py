"""Permission predicates (django-rules). Object-level checks live beside the model's selectors."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
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
def is_data_protection_officer(user: Viewer) -> bool:
    return Role.DATA_PROTECTION_OFFICER in _roles(user)


@rules.predicate
def is_administrator(user: Viewer) -> bool:
    return Role.ADMINISTRATOR in _roles(user)


@rules.predicate
def is_analyst(user: Viewer) -> bool:
    return Role.ANALYST in _roles(user)


rules.add_perm("core.view_audit", is_manager | is_auditor | rules.is_superuser)
rules.add_perm("core.export_audit", is_auditor | rules.is_superuser)
rules.add_perm("accounts.manage_staff", is_administrator | rules.is_superuser)
rules.add_perm(
    "contracts.view_contract_list", is_provider_staff | is_commissioner | rules.is_superuser
)
rules.add_perm("contracts.load_profiles", is_administrator | rules.is_superuser)


def administered_organisation_ids(user: Viewer | None) -> set[Any]:
    """The organisations in which ``user`` holds the administrator role."""
    if not isinstance(user, User):
        return set()
    cached: set[Any] | None = getattr(user, "_administered_cache", None)
    if cached is None:
        cached = set(
            user.memberships.filter(role=Role.ADMINISTRATOR).values_list(
                "organisation_id", flat=True
            )
        )
        user._administered_cache = cached
    return cached


def may_manage_organisation(actor: Viewer | None, organisation_id: Any) -> bool:
    """Administrators manage staff of their own organisation; superusers manage everyone's."""
    if not isinstance(actor, User) or not actor.is_active:
        return False
    return bool(actor.is_superuser or organisation_id in administered_organisation_ids(actor))


def may_manage_staff_member(actor: Viewer | None, member: User) -> bool:
    """Account-wide changes (deactivate, reset MFA) need every organisation the person works
    in to be one the actor administers; commissioners' accounts are the superuser's."""
    if not isinstance(actor, User) or not actor.is_active:
        return False
    if actor.is_superuser:
        return True
    scopes = list(member.memberships.values_list("organisation_id", "commissioner_id"))
    if not scopes or any(commissioner for _, commissioner in scopes):
        return False
    return all(may_manage_organisation(actor, organisation) for organisation, _ in scopes)
