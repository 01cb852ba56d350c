"""Who answers quick questions (django-rules discovers this module): caseworkers, team leaders
and service managers of the provider that runs the contract (seed 002 s3.6)."""

from __future__ import annotations

from typing import Any

import rules

from haven.access.rules import may_change_cases
from haven.access.scope import change_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer


def may_answer(user: Viewer, contract: Any) -> bool:
    """A member (caseworker, team leader, service manager) of the contract's provider."""
    if not isinstance(user, User) or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return contract.provider_id in change_organisations_of(user)


@rules.predicate
def runs_quick_questions(user: Viewer) -> bool:
    """The user's provider runs an active contract whose profile takes quick questions."""
    from haven.contracts.models import Contract

    profiles = Contract.objects.filter(
        is_active=True, provider_id__in=change_organisations_of(user)
    ).values_list("profile", flat=True)
    return any(((p or {}).get("front_door") or {}).get("quick_questions") for p in profiles)


# seed 002 s3.6: staff of a provider with the quick questions facility answer them
rules.add_perm(
    "portal.answer_questions", (may_change_cases & runs_quick_questions) | rules.is_superuser
)
