"""Workbook permissions (django-rules): who may import police exports and review identities."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.scope import CHANGE_ROLES
from haven.accounts.signed_in import Viewer

ROUTE = "police_workbook"  # seed 000 s5: the secondary responder's automated-workbook route


def workbook_organisations_of(user: Viewer) -> list[Any]:
    """Organisations where the user is a caseworker, team leader or service manager."""
    if user is None or not user.is_authenticated:
        return []
    return [
        m.organisation_id
        for m in user.memberships.all()
        if m.role in CHANGE_ROLES and m.organisation_id is not None
    ]


def has_workbook_route(contract: Any) -> bool:
    routes = (contract.profile or {}).get("referral_routes") or []
    return any(route.get("key") == ROUTE for route in routes)


@rules.predicate
def works_for_a_secondary_responder(user: Viewer) -> bool:
    """Staff who change cases in a provider running a contract with the police workbook route."""
    from haven.contracts.models import Contract

    organisations = workbook_organisations_of(user)
    if not organisations:
        return False
    contracts = Contract.objects.filter(provider_id__in=organisations, is_active=True)
    return any(has_workbook_route(contract) for contract in contracts)


rules.add_perm("workbook.import_incidents", works_for_a_secondary_responder | rules.is_superuser)
