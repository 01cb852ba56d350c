"""Casework permissions (django-rules); object-level checks are in `haven.access.scope`."""

from __future__ import annotations

import rules

from haven.access.rules import has_case_role, may_change_cases

rules.add_perm("casework.view_cases", has_case_role | rules.is_superuser)
rules.add_perm("casework.change_cases", may_change_cases | rules.is_superuser)
