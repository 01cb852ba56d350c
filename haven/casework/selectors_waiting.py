"""Reading the waiting list (issue 13; seed 003 s7, s13): a contract's people waiting, in the
explained order, with the counts and reasons at the top.

Scope: the contracts of the user's provider organisations that run a waiting list. Every
waiting case keeps its place in the order (the order is the contract's), but its reference and
name are shown only to those who may open it (`Case.objects.visible_to`); a case they may not
open is a row saying so.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.scope import change_organisations_of
from haven.accounts.signed_in import Viewer
from haven.casework.models import (
    Case,
    CaseState,
    Task,
    WaitingLeftHow,
    WaitingListEntry,
    WaitingReason,
)
from haven.casework.services.waiting_list import (
    CONTACT_ACTION,
    priority_inputs_for,
    waiting_spec_of,
)
from haven.casework.waiting_priority import DEFAULT_ORDER, Waiter, rank
from haven.contracts.models import Contract

RECENT = timedelta(days=90)


def may_view_waiting_list(user: Viewer) -> bool:
    return bool(user.has_perm("casework.view_waiting_list"))


def _require(user: Viewer) -> None:
    if not may_view_waiting_list(user):
        raise PermissionDenied


def _runs_a_waiting_list(contract: Contract) -> bool:
    spec = waiting_spec_of(contract)
    return spec is not None and spec.allowed


def waiting_list_contracts(user: Viewer) -> list[Contract]:
    """The contracts of the user's provider organisations that run a waiting list, by name."""
    _require(user)
    contracts: QuerySet[Contract] = Contract.objects.order_by("name")
    if not user.is_superuser:
        contracts = contracts.filter(provider_id__in=change_organisations_of(user))
    return [contract for contract in contracts if _runs_a_waiting_list(contract)]


def waiting_list_contract_for(user: Viewer, contract_id: Any) -> Contract:
    contract = next((c for c in waiting_list_contracts(user) if c.pk == contract_id), None)
    if contract is None:
        raise Http404("No such waiting list")
    return contract


@dataclass(frozen=True)
class WaitingRow:
    entry: WaitingListEntry
    position: int
    days_waiting: int
    explanation: str
    next_contact_due: datetime | None
    visible: bool  # the viewer may open the case: its reference and name are shown

    @property
    def case(self) -> Case:
        return self.entry.case


@dataclass(frozen=True)
class WaitingList:
    contract: Contract
    rows: list[WaitingRow]
    by_reason: list[tuple[str, int]]  # (label, people waiting now), most first
    left_recently: list[tuple[str, int]]  # (how, entries ended in the last 90 days)
    joined_recently: int
    order: tuple[str, ...]
    citation: str

    @property
    def waiting(self) -> int:
        return len(self.rows)


def waiting_list_for(
    user: Viewer, contract: Contract, *, now: datetime | None = None
) -> WaitingList:
    """The contract's waiting list now, in order, each place explained (seed 003 s7)."""
    _require(user)
    now = now or timezone.now()
    spec = waiting_spec_of(contract)
    order = tuple(spec.priority_by) if spec and spec.priority_by else DEFAULT_ORDER
    entries = list(
        WaitingListEntry.objects.filter(
            contract=contract, left_at__isnull=True, case__state=CaseState.WAITING_LIST
        ).select_related("case", "case__person", "case__allocated_to", "case__team")
    )
    inputs = priority_inputs_for([e.case for e in entries], today=timezone.localdate(now))
    waiters = [
        Waiter(key=str(e.pk), joined_at=e.joined_at, inputs=inputs[e.case_id]) for e in entries
    ]
    by_pk = {str(e.pk): e for e in entries}
    visible = set(
        Case.objects.visible_to(user)
        .filter(pk__in=[e.case_id for e in entries])
        .values_list("pk", flat=True)
    )
    due: dict[Any, datetime] = {}
    for case_id, due_at in (
        Task.objects.filter(
            case_id__in=[e.case_id for e in entries], action=CONTACT_ACTION, is_outstanding=True
        )
        .order_by("-due_at")
        .values_list("case_id", "due_at")
    ):
        due[case_id] = due_at  # the earliest wins (descending order)
    rows = [
        WaitingRow(
            entry=by_pk[r.key],
            position=r.position,
            days_waiting=r.days_waiting,
            explanation=r.explanation,
            next_contact_due=due.get(by_pk[r.key].case_id),
            visible=by_pk[r.key].case_id in visible,
        )
        for r in rank(waiters, now=now, order=order)
    ]
    reasons = Counter(WaitingReason(e.reason).label for e in entries)
    recent = WaitingListEntry.objects.filter(contract=contract, left_at__gte=now - RECENT)
    left = Counter(WaitingLeftHow(how).label for how in recent.values_list("left_how", flat=True))
    joined = WaitingListEntry.objects.filter(contract=contract, joined_at__gte=now - RECENT).count()
    return WaitingList(
        contract=contract,
        rows=rows,
        by_reason=reasons.most_common(),
        left_recently=left.most_common(),
        joined_recently=joined,
        order=order,
        citation=spec.citation if spec else "",
    )


@dataclass(frozen=True)
class CaseWait:
    entry: WaitingListEntry
    next_contact_due: datetime | None
    past: int  # earlier stays on the list


def case_wait(case: Case) -> CaseWait | None:
    """The case's current (else latest) stay on the waiting list, for the case page."""
    entries = list(case.waiting_entries.order_by("-joined_at"))
    if not entries:
        return None
    current = entries[0]
    task = (
        case.tasks.filter(action=CONTACT_ACTION, is_outstanding=True).order_by("due_at").first()
        if current.left_at is None
        else None
    )
    return CaseWait(current, task.due_at if task else None, len(entries) - 1)
