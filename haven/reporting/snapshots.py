"""Reads of signed-off returns: versions, the commissioner's submitted returns, due dates.

Provider reads (`sign_off_context`) are for users the view has checked with
`reporting.sign_off_return`; commissioner reads are scoped here to the commissioner's contracts
and to submitted versions (never a draft, never a version only signed off).
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.contracts.selectors import contract_for_user, contracts_visible_to
from haven.reporting.due import FREQUENCY_PERIODS, DueReturn, return_due_on, return_status
from haven.reporting.models import ReturnDueDate, ReturnSnapshot, ReturnStatus
from haven.reporting.periods import Period, PeriodError, parse_period, period_containing
from haven.reporting.rules_signoff import commissioner_ids, managed_organisation_ids

RECENT_PERIODS = 2  # the last ended periods shown on the "Returns due" list
# A version's large fields, read only when a page needs them (a deferred field loads on use).
HEAVY = ("figures", "record_ids", "export_json")


@dataclass(frozen=True)
class SignOffTarget:
    """A contract and period a service manager may sign off (the view checked the permission)."""

    contract: Contract
    period: Period


def sign_off_target(user: Viewer, *, slug: str, period_code: str) -> SignOffTarget:
    """The contract (404 unless visible) and period (404 unless it reads), 403 unless the user
    may sign off this contract's returns."""
    contract = contract_for_user(user, slug=slug)
    try:
        period = parse_period(period_code, profile_of(contract).contract_year_start)
    except PeriodError:
        raise Http404("No such period") from None
    if not user.has_perm("reporting.sign_off_return", contract):
        raise PermissionDenied
    return SignOffTarget(contract, period)


def return_versions(contract: Contract, period: Period) -> list[ReturnSnapshot]:
    """Every signed-off version of the contract's return for the period, newest first."""
    return list(
        ReturnSnapshot.objects.filter(contract=contract, period_code=period.code)
        .select_related("signed_off_by", "submitted_by")
        .defer(*HEAVY)
        .order_by("-version")
    )


def return_due_override(contract: Contract, period: Period) -> ReturnDueDate | None:
    return ReturnDueDate.objects.filter(contract=contract, period_code=period.code).first()


def due_on_for(contract: Contract, period: Period, override: ReturnDueDate | None) -> date:
    if override is not None:
        return override.due_on
    profile = profile_of(contract)
    return return_due_on(
        period.last, profile.reporting.due.to_duration(), profile.working_day_calendar()
    )


def submitted_returns_for(user: Viewer) -> list[ReturnSnapshot]:
    """The latest submitted version of each return of the contracts this user commissions."""
    snapshots = (
        ReturnSnapshot.objects.filter(status=ReturnStatus.SUBMITTED)
        .select_related("contract", "contract__commissioner")
        .defer(*HEAVY, "contract__profile")
    )
    if not getattr(user, "is_superuser", False):
        snapshots = snapshots.filter(contract__commissioner_id__in=commissioner_ids(user))
    latest: dict[tuple[Any, str], ReturnSnapshot] = {}
    for snapshot in snapshots.order_by("contract__name", "-first", "-version"):
        latest.setdefault((snapshot.contract_id, snapshot.period_code), snapshot)
    return list(latest.values())


def submitted_return_for(user: Viewer, snapshot_id: Any) -> ReturnSnapshot:
    """A submitted version of a return of a contract this user commissions, else 404."""
    snapshot = (
        ReturnSnapshot.objects.filter(pk=snapshot_id, status=ReturnStatus.SUBMITTED)
        .select_related("contract", "contract__commissioner", "contract__provider")
        .first()
    )
    if snapshot is None or not user.has_perm("reporting.view_submitted_returns", snapshot.contract):
        raise Http404("No such return")
    return snapshot


def newer_submitted_version(snapshot: ReturnSnapshot) -> int | None:
    newest = (
        ReturnSnapshot.objects.filter(
            contract_id=snapshot.contract_id,
            period_code=snapshot.period_code,
            status=ReturnStatus.SUBMITTED,
            version__gt=snapshot.version,
        )
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
    )
    return newest


def frozen_figures(snapshot: ReturnSnapshot) -> dict[str, Any]:
    """The figures as signed off, in the order of the export (the stored JSON bytes)."""
    data: dict[str, Any] = json.loads(snapshot.export_bytes())
    return data


def returns_due_for(user: Viewer, today: date) -> list[DueReturn]:
    """The service manager's "Returns due": the last ended periods of each contract their
    organisation delivers, with the due date and where each stands. Three queries, whatever the
    number of contracts."""
    organisations = managed_organisation_ids(user)
    if not organisations:
        return []
    contracts = list(contracts_visible_to(user).filter(provider_id__in=organisations))
    wanted: dict[Any, list[Period]] = {}
    for contract in list(contracts):
        try:
            profile = profile_of(contract)
        except ValueError:  # a stored profile that no longer validates has no return to list
            contracts.remove(contract)
            continue
        kind = FREQUENCY_PERIODS[profile.reporting.frequency]
        current = period_containing(today, kind, profile.contract_year_start)
        periods = [current.previous(profile.contract_year_start)]
        while len(periods) < RECENT_PERIODS:
            periods.append(periods[-1].previous(profile.contract_year_start))
        wanted[contract.pk] = periods
    codes = {p.code for periods in wanted.values() for p in periods}
    ids = [c.pk for c in contracts]
    latest: dict[tuple[Any, str], ReturnSnapshot] = {}
    for snapshot in (
        ReturnSnapshot.objects.filter(contract_id__in=ids, period_code__in=codes)
        .only("contract_id", "period_code", "version", "status")
        .order_by("-version")
    ):
        latest.setdefault((snapshot.contract_id, snapshot.period_code), snapshot)
    overrides = {
        (d.contract_id, d.period_code): d
        for d in ReturnDueDate.objects.filter(contract_id__in=ids, period_code__in=codes)
    }
    rows = []
    for contract in contracts:
        for period in wanted[contract.pk]:
            key = (contract.pk, period.code)
            stored, override = latest.get(key), overrides.get(key)
            due_on = due_on_for(contract, period, override)
            rows.append(
                DueReturn(
                    contract_slug=contract.slug,
                    contract_name=contract.name,
                    period_code=period.code,
                    period_label=period.label,
                    due_on=due_on,
                    due_set_by_manager=override is not None,
                    status=return_status(due_on, today, stored.status if stored else None),
                    version=stored.version if stored else None,
                )
            )
    return sorted(rows, key=lambda row: (row.due_on, row.contract_name))


def known_exception_count(contract: Contract, period: Period) -> int | None:
    """The data-quality exceptions Haven counts itself (`haven.reporting.quality`, issue 10 s3),
    or None while that module is not installed: the sign-off form then asks for the number."""
    try:
        quality = importlib.import_module("haven.reporting.quality")
    except ModuleNotFoundError:
        return None
    counter = getattr(quality, "exception_count", None)
    return int(counter(contract, period)) if counter is not None else None
