"""The one way a referral page gets its referral: scoped, restricted-aware (as case pages)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.access.errors import ReasonRequiredError
from haven.access.http import reason_redirect
from haven.accounts.signed_in import Viewer
from haven.referrals.selectors import (
    PersonRestrictedError,
    ReadableReferral,
    referral_for_reading,
)


def may_decide(user: Viewer, referral: Any) -> bool:
    """Accept or decline: `referrals.decide_referral` (referrals/rules.py), the rule the
    services enforce too."""
    return bool(user.has_perm("referrals.decide_referral", referral))


def read_referral(request: HttpRequest, referral_id: Any) -> ReadableReferral | HttpResponse:
    """The referral, or the response that stands in for it: the reason form for a restricted
    record in the user's scope, a page saying it is restricted when none is."""
    try:
        return referral_for_reading(request.user, referral_id)
    except ReasonRequiredError as restricted:
        if request.method != "GET":  # the reason form comes back to the referral page
            return redirect("referrals:detail", referral_id)
        # as the case page: ask why before showing anything about the person
        return reason_redirect(request, restricted.case_id)
    except PersonRestrictedError:
        return render(request, "referrals/person_restricted.html", status=403)


def referral_to_decide(request: HttpRequest, referral_id: Any) -> ReadableReferral | HttpResponse:
    """``read_referral`` for the accept and decline actions: PermissionDenied unless the user
    may decide it (the services refuse too)."""
    readable = read_referral(request, referral_id)
    if not isinstance(readable, HttpResponse) and not may_decide(request.user, readable.referral):
        raise PermissionDenied
    return readable
