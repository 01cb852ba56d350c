"""Who runs the 360-degree appraisal and keeps the feedback log (seed 001 s14): service
managers and analysts of the contract's provider."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer

RUNS = (Role.SERVICE_MANAGER, Role.ANALYST)


@rules.predicate
def runs_appraisals(user: Viewer) -> bool:
    return isinstance(user, User) and any(m.role in RUNS for m in user.memberships.all())


@rules.predicate
def runs_appraisals_of(user: Viewer, contract: Any) -> bool:
    if contract is None or not isinstance(user, User):
        return False
    return any(
        m.role in RUNS and m.organisation_id == contract.provider_id for m in user.memberships.all()
    )


rules.add_perm("appraisal.view_rounds", runs_appraisals | rules.is_superuser)
rules.add_perm("appraisal.run_round", runs_appraisals_of | rules.is_superuser)
