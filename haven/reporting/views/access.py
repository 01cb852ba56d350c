"""What every returns page starts with: the contract the user may report on, and the period."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from pydantic import ValidationError

from haven.contracts.models import Contract
from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.stored import profile_of
from haven.reporting.periods import Period, PeriodError
from haven.reporting.presenters import parse_period_code
from haven.reporting.selectors import contract_to_report


@dataclass(frozen=True)
class Reporting:
    contract: Contract
    profile: Profile
    period: Period


def reporting_on(request: HttpRequest, slug: str, period_code: str) -> Reporting:
    """The contract (404 unless the user's organisation provides it) and the period (404 unless
    it is one)."""
    contract = contract_to_report(request.user, slug=slug)
    if not request.user.has_perm("reporting.view_returns", contract):
        raise PermissionDenied
    try:
        profile = profile_of(contract)
    except ValidationError:  # a contract not built from a profile has no measures to report
        raise Http404("This contract has no returns") from None
    try:
        period = parse_period_code(period_code, profile.contract_year_start)
    except (PeriodError, ValueError):
        raise Http404("No such period") from None
    return Reporting(contract, profile, period)
