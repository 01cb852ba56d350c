"""Reads of the facts returns count, for a contract and a window of time.

For aggregate returns only (the reporting app's loaders): these are UNSCOPED, every record of
the contract whatever the case's team or restriction, so never list their rows to a user or
pass them to a view. Windows are half-open, `start <= moment < end`, on the moment the thing
happened (held, made, assessed), not when it was typed in. The models order by that moment
(newest first): call `.order_by()` before grouping (`values(...).annotate(...)`, `distinct()`).
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from haven.casework.models import ExitInterview, NeedsAssessment, OnwardReferral
from haven.contracts.models import Contract


def exit_interviews_for_contract(
    contract: Contract, start: datetime, end: datetime
) -> QuerySet[ExitInterview]:
    """Exit interviews held (or declined) in the window on the contract's cases."""
    return ExitInterview.objects.filter(
        case__contract=contract, held_at__gte=start, held_at__lt=end
    )


def onward_referrals_for_contract(
    contract: Contract, start: datetime, end: datetime
) -> QuerySet[OnwardReferral]:
    """Onward referrals made in the window on the contract's cases (by `agency_type` for
    "onward referrals by type", `agency` for "agencies referred to")."""
    return OnwardReferral.objects.filter(
        case__contract=contract, made_at__gte=start, made_at__lt=end
    )


def needs_assessments_for_contract(
    contract: Contract, start: datetime, end: datetime, *, stage: str | None = None
) -> QuerySet[NeedsAssessment]:
    """Needs assessments done in the window on the contract's cases, of one stage if given
    (`NeedsStage`: initial, review, exit)."""
    found = NeedsAssessment.objects.filter(
        case__contract=contract, assessed_at__gte=start, assessed_at__lt=end
    )
    return found if stage is None else found.filter(stage=stage)
