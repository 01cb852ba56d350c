"""Referral permissions (django-rules)."""

from __future__ import annotations

import rules

from haven.access.rules import has_case_role, may_change_cases

rules.add_perm("referrals.view_referrals", has_case_role | rules.is_superuser)
rules.add_perm("referrals.create_referral", may_change_cases | rules.is_superuser)
