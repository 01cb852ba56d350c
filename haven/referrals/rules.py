"""Referral permissions (django-rules)."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.rules import has_case_role, may_change_cases
from haven.access.scope import change_organisations_of
from haven.accounts.models import User
from haven.accounts.rules import is_manager
from haven.accounts.signed_in import Viewer


@rules.predicate
def may_decide_referral(user: Viewer, referral: Any) -> bool:
    """Accepting or declining: caseworkers, team leaders and service managers of the provider
    that runs the referral's contract, while the contract is active (superusers too)."""
    if referral is None or not isinstance(user, User):
        return False
    contract = referral.contract
    if not contract.is_active:
        return False
    return bool(user.is_superuser) or contract.provider_id in change_organisations_of(user)


rules.add_perm("referrals.view_referrals", has_case_role | rules.is_superuser)
rules.add_perm("referrals.create_referral", may_change_cases | rules.is_superuser)
rules.add_perm("referrals.decide_referral", may_decide_referral)
# Issue 10 s5: the referral list as CSV/XLSX, for team leaders and service managers.
rules.add_perm("referrals.export_referrals", is_manager | rules.is_superuser)
