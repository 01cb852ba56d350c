"""Writes to staff accounts and memberships; every one is audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.core.auditor import audit_event
from haven.core.models import AuditAction


@transaction.atomic
def user_create(
    *,
    email: str,
    full_name: str,
    password: str | None,
    created_by: User | None,
    is_staff: bool = False,
) -> User:
    """Create a staff account (administrators only; there is no self sign-up)."""
    user = User.objects.create_user(
        email=email, password=password, full_name=full_name, is_staff=is_staff
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=user,
        changes={
            "email": [None, user.email],
            "full_name": [None, full_name],
            "password": [None, "set"],
        },
    )
    return user


@transaction.atomic
def membership_grant(
    *,
    user: User,
    role: Role,
    granted_by: User | None,
    organisation: Any = None,
    team: Team | None = None,
    commissioner: Any = None,
    reason: str = "",
) -> Membership:
    """Give a user a role in an organisation/team, or as a commissioner (idempotent)."""
    if team is not None and organisation is None:
        organisation = team.organisation
    membership, created = Membership.objects.get_or_create(
        user=user, role=role, organisation=organisation, team=team, commissioner=commissioner
    )
    if created:
        audit_event(
            actor=granted_by,
            action=AuditAction.PERMISSION_GRANTED,
            target=user,
            changes={
                "role": [None, str(role)],
                "scope": [None, str(team or organisation or commissioner)],
            },
            reason=reason,
        )
    return membership


@transaction.atomic
def membership_revoke(*, membership: Membership, revoked_by: User, reason: str) -> None:
    audit_event(
        actor=revoked_by,
        action=AuditAction.PERMISSION_REVOKED,
        target=membership.user,
        changes={"role": [membership.role, None]},
        reason=reason,
    )
    membership.delete()
