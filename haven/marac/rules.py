"""Who keeps MARAC meetings: the provider's team leaders and service managers."""

from __future__ import annotations

import rules

from haven.accounts.signed_in import Viewer


@rules.predicate
def keeps_maracs(user: Viewer) -> bool:
    from haven.marac.meetings import marac_organisation_ids

    return bool(marac_organisation_ids(user))


rules.add_perm("marac.keep_meetings", keeps_maracs)
