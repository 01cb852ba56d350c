"""Who may see which case: Q objects for `Case.objects.visible_to(user)` (one place, tested).

Provider staff of the contract's provider: caseworkers see their team's cases and the cases
allocated to them; team leaders their team's; service managers and analysts their
organisation's. Commissioners, administrators and auditors see no case. Restricted cases need
a `CaseAccess` (named staff); others must give a reason (a `BreakGlassGrant`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils import timezone

from haven.access.records import break_glass_grant_model, case_access_model
from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer

ORGANISATION_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ANALYST})
TEAM_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER})
CHANGE_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER})
NOTHING = Q(pk__in=[])


def _memberships(user: Viewer) -> list[Any]:
    if not isinstance(user, User):
        return []
    cached: list[Any] | None = getattr(user, "_case_memberships", None)
    if cached is None:
        cached = list(user.memberships.all())
        user.__dict__["_case_memberships"] = cached  # once per request's user
    return cached


def contracts_of(organisation_ids: list[Any]) -> Any:
    """The contracts of these providers, as a small subquery (avoids joining every case row)."""
    from haven.contracts.models import Contract

    return Contract.objects.filter(provider_id__in=organisation_ids).values("id")


def case_scope_q(user: Viewer, prefix: str = "") -> Q:
    """The organisation/team scope, ignoring restriction. `prefix` is e.g. "case__" for tasks."""
    if not isinstance(user, User):
        return NOTHING
    if user.is_superuser:
        return Q()
    scope = NOTHING
    for membership in _memberships(user):
        in_org = Q(**{f"{prefix}contract_id__in": contracts_of([membership.organisation_id])})
        if membership.role in ORGANISATION_ROLES:
            scope |= in_org
        elif membership.role in TEAM_ROLES:
            mine = Q(**{f"{prefix}allocated_to_id": user.pk})
            if membership.team_id is not None:
                mine |= Q(**{f"{prefix}team_id": membership.team_id})
            scope |= in_org & mine
    return scope


def _named_cases(user: User) -> Any:
    return case_access_model().objects.filter(user_id=user.pk).values("case_id")


def named_or_unrestricted_q(user: Viewer, prefix: str = "") -> Q:
    if not isinstance(user, User):
        return NOTHING
    if user.is_superuser:
        return Q()
    return Q(**{f"{prefix}is_restricted": False}) | Q(**{f"{prefix}id__in": _named_cases(user)})


def named_in_organisation_q(user: Viewer, prefix: str = "") -> Q:
    """Cases the user is named on, in an organisation where they work on cases (any team)."""
    if not isinstance(user, User):
        return NOTHING
    organisations = [
        m.organisation_id
        for m in _memberships(user)
        if m.role in ORGANISATION_ROLES | TEAM_ROLES and m.organisation_id is not None
    ]
    if not organisations:
        return NOTHING
    return Q(
        **{
            f"{prefix}id__in": _named_cases(user),
            f"{prefix}contract_id__in": contracts_of(organisations),
        }
    )


def visible_q(user: Viewer, prefix: str = "") -> Q:
    """`Case.objects.visible_to(user)` as a Q, usable from related models with `prefix`."""
    return (
        case_scope_q(user, prefix) & named_or_unrestricted_q(user, prefix)
    ) | named_in_organisation_q(user, prefix)


def referral_visible_q(user: Viewer, prefix: str = "") -> Q:
    """Referrals to the contracts of the user's organisations; once a case is open, only if the
    case is visible (`visible_q`)."""
    if not isinstance(user, User):
        return NOTHING
    organisations = [m.organisation_id for m in _memberships(user) if m.organisation_id]
    scope = (
        Q() if user.is_superuser else Q(**{f"{prefix}contract_id__in": contracts_of(organisations)})
    )
    return scope & (Q(**{f"{prefix}case__isnull": True}) | visible_q(user, f"{prefix}case__"))


def reaches_whole_organisation(user: Viewer) -> bool:
    """Superusers, service managers and analysts: every case of their organisations is in scope."""
    return bool(user.is_superuser) or any(m.role in ORGANISATION_ROLES for m in _memberships(user))


def named_cases_of(user: Viewer) -> Any:
    """The ids of the cases this user is named on, as a subquery."""
    if not isinstance(user, User):
        return case_access_model().objects.none().values("case_id")
    return _named_cases(user)


def roles_for_case(user: Viewer, case: Any) -> set[str]:
    """The roles through which this user reaches this case (no query beyond the memberships)."""
    roles: set[str] = set()
    for membership in _memberships(user):
        if membership.organisation_id != case.contract.provider_id:
            continue
        if membership.role in ORGANISATION_ROLES or (
            membership.role in TEAM_ROLES
            and (
                case.allocated_to_id == user.pk
                or (membership.team_id is not None and membership.team_id == case.team_id)
            )
        ):
            roles.add(membership.role)
    return roles


def can_change_case(user: Viewer, case: Any, *, named: bool = False) -> bool:
    """Caseworkers, team leaders and managers in scope; named staff with one of those roles."""
    if user.is_superuser or roles_for_case(user, case) & CHANGE_ROLES:
        return True
    return named and any(
        m.role in CHANGE_ROLES and m.organisation_id == case.contract.provider_id
        for m in _memberships(user)
    )


def may_change_case(user: Viewer | None, case: Any) -> bool:
    """The change rule as casework honours it everywhere (`selectors.case_for_user`): on a
    restricted case only named staff, or staff in scope with a current reason (break-glass);
    named staff keep their change role wherever their team is."""
    if not isinstance(user, User):
        return False
    if user.is_superuser:
        return True
    if not case.is_restricted:
        return can_change_case(user, case)
    if case_access_model().objects.filter(case=case, user=user).exists():
        return can_change_case(user, case, named=True)
    reason_given = (
        break_glass_grant_model()
        .objects.filter(case=case, user=user, expires_at__gt=timezone.now())
        .exists()
    )
    return reason_given and can_change_case(user, case)


def can_manage_case(user: Viewer, case: Any) -> bool:
    """Allocate, restrict and manage named staff: team leaders and service managers."""
    return bool(user.is_superuser or roles_for_case(user, case) & MANAGER_ROLES)


def teams_of(user: Viewer) -> list[Any]:
    return [m.team_id for m in _memberships(user) if m.team_id is not None and m.role in TEAM_ROLES]


def change_organisations_of(user: Viewer) -> list[Any]:
    return [m.organisation_id for m in _memberships(user) if m.role in CHANGE_ROLES]
