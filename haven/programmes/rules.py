"""Who may see and run groups and programmes (django-rules discovers this module).

Staff of the programme contract's provider (caseworkers, team leaders, service managers) see its
programmes; team leaders and service managers set up programmes and runs; a run's facilitators
and those managers hold its sessions, take the register and record starts, completions and
drop-outs. Enrolling a person is changing their case (casework's rule), checked in the service.
"""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer

STAFF_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER})


def _provider_roles(user: Viewer, provider_id: Any) -> set[str]:
    if not isinstance(user, User):
        return set()
    return {m.role for m in user.memberships.all() if m.organisation_id == provider_id}


def provider_of(target: Any) -> Any:
    """The provider organisation id of a contract, programme or run."""
    if hasattr(target, "programme"):
        target = target.programme
    if hasattr(target, "contract"):
        target = target.contract
    return getattr(target, "provider_id", None)


@rules.predicate
def is_programme_staff(user: Viewer) -> bool:
    """Any caseworker, team leader or service manager (the index lists their providers')."""
    return isinstance(user, User) and any(m.role in STAFF_ROLES for m in user.memberships.all())


@rules.predicate
def staff_of_provider(user: Viewer, target: Any) -> bool:
    return target is not None and bool(_provider_roles(user, provider_of(target)) & STAFF_ROLES)


@rules.predicate
def manages_provider(user: Viewer, target: Any) -> bool:
    return target is not None and bool(_provider_roles(user, provider_of(target)) & MANAGER_ROLES)


@rules.predicate
def facilitates(user: Viewer, run: Any) -> bool:
    if run is None or not isinstance(user, User) or not hasattr(run, "facilitators"):
        return False
    return bool(staff_of_provider(user, run)) and bool(run.facilitators.filter(pk=user.pk).exists())


rules.add_perm("programmes.view_index", is_programme_staff | rules.is_superuser)
rules.add_perm("programmes.view_programme", staff_of_provider | rules.is_superuser)
rules.add_perm("programmes.manage_programmes", manages_provider | rules.is_superuser)
rules.add_perm("programmes.run_sessions", facilitates | manages_provider | rules.is_superuser)
