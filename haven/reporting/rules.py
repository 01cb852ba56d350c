"""Who may see a contract's returns (django-rules).

`reporting.view_returns`: service managers and analysts of the organisation providing the
contract, and superusers. Without an object: whether the user may report on any contract (the
"Returns" link). Commissioners see submitted returns elsewhere, never these pages; caseworkers and
team leaders do not see returns.
"""

from __future__ import annotations

import rules

from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.reporting.selectors import reporting_organisation_ids


@rules.predicate
def reports_on(user: Viewer, contract: Contract | None) -> bool:
    organisations = reporting_organisation_ids(user)
    if contract is None:
        return bool(organisations)
    return contract.provider_id is not None and contract.provider_id in organisations


rules.add_perm("reporting.view_returns", rules.is_superuser | reports_on)
