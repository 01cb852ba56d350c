"""Risk permissions (django-rules). Whether a user may see a given case is casework's rule."""

from __future__ import annotations

from typing import Any

from rules.permissions import add_perm
from rules.predicates import is_superuser, predicate

from haven.access.rules import has_case_role
from haven.access.scope import can_manage_case, may_change_case
from haven.accounts.signed_in import Viewer


@predicate
def may_complete_for_case(user: Viewer, case: Any) -> bool:
    """Caseworkers, team leaders and service managers who may change the case as casework has
    it (not analysts): on a restricted case named staff, or others with a current reason."""
    return case is not None and may_change_case(user, case)


@predicate
def may_override_for_case(user: Viewer, case: Any) -> bool:
    """Changing a computed level needs a team leader or service manager of the case (who may
    change it: the restriction applies here too)."""
    return case is not None and may_change_case(user, case) and can_manage_case(user, case)


add_perm("risk.view_risk", has_case_role | is_superuser)
add_perm("risk.complete_assessment", may_complete_for_case)
add_perm("risk.override_level", may_override_for_case)
