"""Who may use the partner pages, see the partner organisations and keep API tokens
(django-rules discovers this module)."""

from __future__ import annotations

import rules

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.rules import is_administrator
from haven.accounts.signed_in import Viewer


@rules.predicate
def is_partner(user: Viewer) -> bool:
    """A referrer of an active partner organisation who holds no staff role (issue 14 item 6)."""
    if not isinstance(user, User) or not user.is_active:
        return False
    cached: bool | None = getattr(user, "_partner_cache", None)
    if cached is None:
        membership = getattr(user, "partner_membership", None)
        cached = bool(
            membership is not None
            and membership.active
            and membership.organisation.active
            and not user.roles()
        )
        user.__dict__["_partner_cache"] = cached
    return cached


@rules.predicate
def is_service_manager(user: Viewer) -> bool:
    return isinstance(user, User) and Role.SERVICE_MANAGER in user.roles()


# Partner users: their organisation's referrals and the referral form, nothing else.
rules.add_perm("partners.use_partner_pages", is_partner)
# Service managers and administrators see the partner organisations (issue 14 item 6).
rules.add_perm(
    "partners.view_organisations", is_service_manager | is_administrator | rules.is_superuser
)
# Administrators keep the partners' API tokens and memberships (issue 14 item 7).
rules.add_perm("partners.manage_tokens", is_administrator | rules.is_superuser)
