"""Panels that the apps above referrals add to the referral page (casework's "previously
supported": the person's earlier cases and any exclusion, for whoever decides the referral).
Referrals cannot import them (the layers, ADR 0009), so each registers a builder from its
AppConfig.ready(); the page asks every builder in turn, as `casework/sections.py` does.

A builder takes the request and the referral the viewer was given (checked that they may read
it) and returns the panel's HTML, or "" to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.referrals.models import Referral

PanelBuilder = Callable[["HttpRequest", "Referral"], SafeString | str]
_BUILDERS: dict[str, PanelBuilder] = {}


def register_referral_panel(key: str, builder: PanelBuilder) -> None:
    """Add (or, with the same key, replace) the builder of one app's referral-page panel."""
    _BUILDERS[key] = builder


def referral_panels(request: HttpRequest, referral: Referral) -> list[SafeString | str]:
    return [html for html in (b(request, referral) for b in _BUILDERS.values()) if html]
