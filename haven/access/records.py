"""The records access reads, named by app label as a ForeignKey names its model.

Access sits below the apps whose records it guards (docs/adr/0009-layers.md): it never imports
them; their models are looked up in Django's app registry when a query is built. The imports
below are for type checking only (the django-stubs plugin types `get_model` by label).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant, Case, CaseAccess
    from haven.people.models import HouseholdLink
    from haven.referrals.models import Referral


def case_model() -> type[Case]:
    return apps.get_model("casework", "Case")


def case_access_model() -> type[CaseAccess]:
    return apps.get_model("casework", "CaseAccess")


def break_glass_grant_model() -> type[BreakGlassGrant]:
    return apps.get_model("casework", "BreakGlassGrant")


def referral_model() -> type[Referral]:
    return apps.get_model("referrals", "Referral")


def household_link_model() -> type[HouseholdLink]:
    return apps.get_model("people", "HouseholdLink")
