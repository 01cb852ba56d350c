# mypy: disable-error-code="no-untyped-call,untyped-decorator"
# (django-rules ships no type hints, as for haven.*.rules in pyproject.toml)
"""Who may see a contract's data quality and equality analysis, assign data-quality tasks and
keep the population baselines (issue 10 s3-s4).

The same audience as the returns pages: service managers and analysts of the organisation that
provides the contract (team leaders and caseworkers see their worklists, commissioners only
submitted returns). Population baselines are public figures: service managers and analysts may
read them, service managers keep them. Loaded by `ReportingConfig.ready` (django-rules
autodiscovers `rules.py` only).
"""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import is_superuser, predicate

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

RETURNS_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ANALYST})


def _provider_roles(user: Viewer, organisation_id: Any) -> set[str]:
    if not isinstance(user, User) or organisation_id is None:
        return set()
    return {
        m.role
        for m in user.memberships.all()
        if m.organisation_id == organisation_id and m.commissioner_id is None
    }


@predicate
def runs_returns_of(user: Viewer, contract: Any) -> bool:
    """A service manager or analyst of the contract's provider."""
    return contract is not None and bool(
        _provider_roles(user, contract.provider_id) & RETURNS_ROLES
    )


@predicate
def reads_returns(user: Viewer) -> bool:
    return isinstance(user, User) and bool(user.roles() & RETURNS_ROLES)


@predicate
def is_service_manager(user: Viewer) -> bool:
    return isinstance(user, User) and Role.SERVICE_MANAGER in user.roles()


add_perm("reporting.view_data_quality", runs_returns_of | is_superuser)
add_perm("reporting.assign_data_quality", runs_returns_of | is_superuser)
add_perm("reporting.view_equality", runs_returns_of | is_superuser)
add_perm("reporting.view_baselines", reads_returns | is_superuser)
add_perm("reporting.change_baselines", is_service_manager | is_superuser)
