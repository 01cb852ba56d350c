"""Who may see a person, and which people are restricted for a user.

A person is visible through their organisation, a case the user may see, or a referral still
waiting for (or refused) a case; restriction follows the person (docs/adr/0006): a person with a
restricted case is restricted for everyone not named on one of their restricted cases, and so
are the members of their household (docs/adr/0008).
"""

from __future__ import annotations

from typing import Any

from django.db import models

from haven.access.records import case_model, household_link_model, referral_model
from haven.access.scope import visible_q
from haven.accounts.models import User
from haven.accounts.roles import PROVIDER_ROLES
from haven.accounts.signed_in import Viewer


def provider_organisations_of(user: User) -> models.QuerySet[Any]:
    """The organisations in which ``user`` holds a provider role (ids, for ``__in``)."""
    memberships: models.QuerySet[Any] = user.memberships.filter(
        role__in=PROVIDER_ROLES, organisation__isnull=False
    )
    return memberships.values("organisation")


def person_visible_q(user: Viewer) -> models.Q:
    """People created in the user's provider organisations, plus people with a case the user
    may see (`Case.objects.visible_to`) or a referral waiting for or refused a case in a
    contract of those organisations (a referral with a case follows the case's scope)."""
    if not isinstance(user, User):
        return models.Q(pk__in=[])
    organisations = provider_organisations_of(user)
    with_case = case_model().objects.filter(visible_q(user)).values("person_id")
    with_open_referral = (
        referral_model()
        .objects.filter(case__isnull=True, contract__provider__in=organisations)
        .values("person_id")
    )
    return (
        models.Q(organisation__in=organisations)
        | models.Q(pk__in=with_case)
        | models.Q(pk__in=with_open_referral)
    )


def restricted_q(user: Viewer, prefix: str = "") -> models.Q:
    """People restricted for ``user``: they have a restricted case and the user is named on none
    of their restricted cases (one subquery; superusers are treated as named, as on cases).

    The restriction reaches the person's household (ADR 0008): a member of a restricted
    person's household is restricted too, unless the user is named on a restricted case of
    that member's own."""
    if isinstance(user, User) and user.is_superuser:
        return models.Q(**{f"{prefix}pk__in": []})
    restricted_cases = case_model().objects.filter(is_restricted=True)
    hidden = restricted_cases.values("person_id")
    links = household_link_model().objects
    members = links.filter(person_id__in=hidden).values("member_id")
    if isinstance(user, User):
        named = restricted_cases.filter(accesses__user_id=user.pk).values("person_id")
        hidden = restricted_cases.exclude(person_id__in=named).values("person_id")
        members = (
            links.filter(person_id__in=hidden).exclude(member_id__in=named).values("member_id")
        )
    return models.Q(**{f"{prefix}pk__in": hidden}) | models.Q(**{f"{prefix}pk__in": members})
