"""Who may keep the consent and information-sharing registers (django-rules discovers this).

Recording or withdrawing a person's consent is a change to the person (`people.change_person`,
checked by the views with the person's own scope). The information-sharing agreements register
is kept by the data protection officer and service managers and read by all provider staff; the
share register of the service is for the data protection officer and managers (issue 15)."""

from __future__ import annotations

import rules

from haven.accounts.roles import Role
from haven.accounts.rules import is_data_protection_officer, is_manager, is_provider_staff
from haven.accounts.signed_in import Viewer


@rules.predicate
def is_service_manager(user: Viewer) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Role.SERVICE_MANAGER in user.roles()


rules.add_perm("consent.view_agreements", is_provider_staff | rules.is_superuser)
rules.add_perm(
    "consent.manage_agreements",
    is_data_protection_officer | is_service_manager | rules.is_superuser,
)
rules.add_perm(
    "consent.view_share_register", is_data_protection_officer | is_manager | rules.is_superuser
)
