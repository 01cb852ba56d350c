"""Who may see and keep workforce records (django-rules discovers this module). HR data is
personal data of staff: a worker sees their own record; only the organisation's team leaders
and service managers see (and record on) others'; the workforce figures are for its service
managers (seed 004 s10)."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.rules import is_manager
from haven.accounts.signed_in import Viewer


def _organisation_id(target: Any) -> Any:
    return getattr(target, "organisation_id", None) or getattr(target, "pk", None)


@rules.predicate
def manages_organisation(user: Viewer, target: Any) -> bool:
    """A team leader or service manager of the organisation (of a staff record, or itself)."""
    if target is None or not isinstance(user, User):
        return False
    organisation_id = _organisation_id(target)
    return any(
        m.role in MANAGER_ROLES and m.organisation_id == organisation_id
        for m in user.memberships.all()
    )


@rules.predicate
def service_manager_of(user: Viewer, target: Any) -> bool:
    if target is None or not isinstance(user, User):
        return False
    organisation_id = _organisation_id(target)
    return any(
        m.role == Role.SERVICE_MANAGER and m.organisation_id == organisation_id
        for m in user.memberships.all()
    )


@rules.predicate
def is_own_record(user: Viewer, staff: Any) -> bool:
    return staff is not None and isinstance(user, User) and staff.user_id == user.pk


rules.add_perm("workforce.view_team", is_manager | rules.is_superuser)
rules.add_perm("workforce.view_record", is_own_record | manages_organisation | rules.is_superuser)
rules.add_perm("workforce.record", manages_organisation | rules.is_superuser)
# seed 001 s14: equality answers are the worker's own to give (or a manager keeps them)
rules.add_perm("workforce.set_equality", is_own_record | manages_organisation | rules.is_superuser)
rules.add_perm("workforce.view_figures", service_manager_of | rules.is_superuser)
