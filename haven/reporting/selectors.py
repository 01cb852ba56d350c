"""Reads of returns: a contract's figures for a period, and a measure's trend.

Every figure counts all the contract's records, whoever asks (ADR 0010); who may ask is checked by
the views (`reporting.rules`) before these are called.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.scope import referral_visible_q
from haven.accounts.models import User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.stored import profile_of
from haven.referrals.models import Referral
from haven.reporting.engine import ReturnResult, figures_for
from haven.reporting.facts import Facts
from haven.reporting.loaders import gc_paused, load_facts
from haven.reporting.measures.base import NEEDS
from haven.reporting.periods import Period
from haven.reporting.presenters import Located, RecordRow, as_uuid, record_rows

TREND_PERIODS = 8


@gc_paused
def contract_return(
    contract: Contract, period: Period, *, now: datetime | None = None
) -> ReturnResult:
    """The contract's return for the period, computed from the records now."""
    now = now or timezone.now()
    profile = profile_of(contract)
    facts = load_facts(contract, period.start, period.end, needs=needs_of(profile))
    return figures_for(profile, facts, period, now, name=contract.name)


def needs_of(profile: Profile) -> frozenset[str]:
    """The optional facts the profile's computations read (the others' queries are skipped)."""
    return frozenset().union(
        *(NEEDS.get(m.compute, frozenset()) for m in profile.measures if m.compute)
    )


def contract_trend(
    contract: Contract, period: Period, *, count: int = TREND_PERIODS, now: datetime | None = None
) -> list[ReturnResult]:
    """The return for this period and the `count - 1` before it (oldest first), from one load of
    the facts that spans them all."""
    return contract_trend_with_facts(contract, period, count=count, now=now)[0]


@gc_paused
def contract_trend_with_facts(
    contract: Contract, period: Period, *, count: int = TREND_PERIODS, now: datetime | None = None
) -> tuple[list[ReturnResult], Facts]:
    """`contract_trend`, and the facts it counted (they cover the last period too, so the last
    result is the period's return and the facts serve its drill-down)."""
    now = now or timezone.now()
    profile = profile_of(contract)
    periods = period.trend(count, profile.contract_year_start)
    facts = load_facts(contract, periods[0].start, periods[-1].end, needs=needs_of(profile))
    return [figures_for(profile, facts, p, now, name=contract.name) for p in periods], facts


# --- who may report on which contract (reporting.rules) ----------------------------------------

REPORTING_ROLES = frozenset({Role.SERVICE_MANAGER, Role.ANALYST})


def reporting_organisation_ids(user: Viewer) -> set[Any]:
    """The organisations in which the user is a service manager or analyst (cached per user).
    Commissioners, caseworkers and team leaders report on none: their views are elsewhere."""
    if not isinstance(user, User) or not user.is_active or not user.roles() & REPORTING_ROLES:
        return set()  # roles() is cached per user: most pages' navigation asks nothing more
    cached: set[Any] | None = getattr(user, "_reporting_cache", None)
    if cached is None:
        cached = set(
            user.memberships.filter(
                role__in=REPORTING_ROLES, organisation__isnull=False
            ).values_list("organisation_id", flat=True)
        )
        user._reporting_cache = cached  # type: ignore[attr-defined]
    return cached


def contracts_to_report(user: Viewer) -> QuerySet[Contract]:
    """Contracts whose returns this user may see: those their organisation provides (all for a
    superuser)."""
    contracts = Contract.objects.select_related("provider", "commissioner").order_by("name")
    if isinstance(user, User) and user.is_active and user.is_superuser:
        return contracts
    return contracts.filter(provider_id__in=reporting_organisation_ids(user))


def contract_to_report(user: Viewer, *, slug: str) -> Contract:
    """The contract if the user may report on it, else 404 (its existence is not revealed)."""
    contract = contracts_to_report(user).filter(slug=slug).first()
    if contract is None:
        raise Http404("No such contract")
    return contract


def openable_case_ids(user: Viewer, case_ids: Iterable[Any]) -> set[Any]:
    """Of these cases, the ones the user may open without a reason (one query), as UUIDs."""
    ids = list(case_ids)
    if not ids:
        return set()
    found = Case.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)
    return {as_uuid(pk) for pk in found}


def openable_referral_ids(user: Viewer, referral_ids: Iterable[Any]) -> set[Any]:
    """Of these referrals, the ones the user may open (one query), as UUIDs."""
    ids = list(referral_ids)
    if not ids:
        return set()
    found = Referral.objects.filter(referral_visible_q(user), pk__in=ids)
    return {as_uuid(pk) for pk in found.values_list("pk", flat=True)}


def records_for_viewer(user: Viewer, kind: str, located: Sequence[Located]) -> list[RecordRow]:
    """The records behind a figure as this viewer may see them: two queries for the page's ids,
    "Restricted record" for the ones they may not open."""
    return record_rows(
        kind,
        located,
        openable_cases=openable_case_ids(user, [i.case.id for i in located if i.case]),
        openable_referrals=openable_referral_ids(
            user, [i.referral.id for i in located if i.referral and not i.case]
        ),
    )
