"""Signed-off and submitted returns for the demo's past quarters (issue 10 s6), made through the
sign-off services as the demo service manager would make them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.models import ReturnSnapshot
from haven.reporting.periods import current_period
from haven.reporting.quality import exception_count
from haven.reporting.services import return_sign_off, return_submit

PAST_QUARTERS = 4
REMEDIAL_PLAN = (
    "Caseworkers complete the missing equality answers and exit types listed in the exceptions "
    "report at their next contact; the team leader checks the report weekly until it is clear."
)


def demo_returns_sign_off(
    *, organisation: Any, manager: User, now: datetime | None = None, quarters: int = PAST_QUARTERS
) -> int:
    """Sign off each contract's last `quarters` ended quarters and submit all but the latest
    (which waits for the manager to submit). Returns how many were signed off."""
    now = now or timezone.now()
    signed = 0
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        profile = profile_of(contract)
        period = current_period(now, "quarter", profile.contract_year_start)
        periods = [period := period.previous(profile.contract_year_start) for _ in range(quarters)]
        for index, past in enumerate(reversed(periods)):
            exceptions = exception_count(contract, past)
            snapshot = return_sign_off(
                contract=contract,
                period=past,
                signed_off_by=manager,
                remedial_plan=REMEDIAL_PLAN if exceptions else "",
                exceptions=exceptions,
                now=now,
            )
            signed += 1
            if index < quarters - 1:
                return_submit(snapshot=snapshot, submitted_by=manager, now=now)
    return signed


def demo_returns_reset(organisation: Any) -> None:
    ReturnSnapshot.objects.filter(contract__provider=organisation).delete()
