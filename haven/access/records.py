"""The records access reads, named by app label as a ForeignKey names its model.

Access sits below the apps whose records it guards (docs/adr/0009-layers.md): it never imports
them; their models are looked up in Django's app registry when a query is built. The imports
below are for type checking only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.apps import apps

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant, Case, CaseAccess
    from haven.referrals.models import Referral


def case_model() -> type[Case]:
    return cast("type[Case]", apps.get_model("casework", "Case"))


def case_access_model() -> type[CaseAccess]:
    return cast("type[CaseAccess]", apps.get_model("casework", "CaseAccess"))


def break_glass_grant_model() -> type[BreakGlassGrant]:
    return cast("type[BreakGlassGrant]", apps.get_model("casework", "BreakGlassGrant"))


def referral_model() -> type[Referral]:
    return cast("type[Referral]", apps.get_model("referrals", "Referral"))
