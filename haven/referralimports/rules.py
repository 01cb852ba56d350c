"""Who may import referral files: team leaders and service managers of a provider whose active
contract takes a file route (a shipped mapping names the contract and its profile offers the
route, e.g. Victim First's police download and Sentinel referrals, seed 002 s3.6)."""

from __future__ import annotations

from typing import Any

import rules

from haven.accounts.roles import MANAGER_ROLES
from haven.accounts.signed_in import Viewer


def import_organisations_of(user: Viewer) -> list[Any]:
    """Organisations where the user is a team leader or service manager."""
    if user is None or not user.is_authenticated:
        return []
    return [
        m.organisation_id
        for m in user.memberships.all()
        if m.role in MANAGER_ROLES and m.organisation_id is not None
    ]


def file_sources_of(contract: Any) -> list[Any]:
    from haven.referralimports.mappings import mappings_for_contract

    routes = {r.get("key") for r in (contract.profile or {}).get("referral_routes") or []}
    return mappings_for_contract(contract.slug, routes)


@rules.predicate
def manages_a_file_route_service(user: Viewer) -> bool:
    from haven.contracts.models import Contract

    organisations = import_organisations_of(user)
    if not organisations:
        return False
    contracts = Contract.objects.filter(provider_id__in=organisations, is_active=True)
    return any(file_sources_of(contract) for contract in contracts)


rules.add_perm(
    "referralimports.import_referrals", manages_a_file_route_service | rules.is_superuser
)
