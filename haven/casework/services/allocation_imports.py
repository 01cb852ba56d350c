"""Imported police cases follow their team's rule (issue 13 item 13): they wait in the team's
Unallocated queue (the default), or go to the worker the allocation suggestions rank first
(seed 002 Lot 1 s3.7), allocated by the system with the reasons on the case's timeline.

Bulk by design: the workbook import opens thousands of cases at once, so the team's workers are
read once and every case costs no query of its own (a handful of queries per 500 cases).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import ImportAllocation, Team
from haven.casework.allocation_suggestions import HIGH, WorkerFacts, suggest_allocation
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseAccess, CaseEvent, Task
from haven.casework.selectors_allocation import (
    case_facts,
    contract_idva_limit,
    current_flags,
    team_workers,
)
from haven.contracts.models import Contract
from haven.core.auditor import audit_events_append, audit_record
from haven.core.models import AuditAction

CHUNK = 500
RULE_SUMMARY = "Allocated by the team's rule for imported cases"


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _with_one_more(worker: WorkerFacts, case: Case) -> WorkerFacts:
    high = int(case.risk_level == HIGH)
    return replace(
        worker,
        open_cases=worker.open_cases + 1,
        open_high_risk=worker.open_high_risk + high,
        high_risk_this_year=worker.high_risk_this_year + high,
    )


def _new_cases(case_ids: Sequence[Any], team: Team, contract: Contract) -> list[Case]:
    found: list[Case] = []
    for chunk in _chunks(list(case_ids)):
        found += Case.objects.filter(
            pk__in=chunk, team=team, contract=contract, allocated_to__isnull=True
        ).select_related("person__equality")
    # high risk first (an IDVA's room goes to high-risk cases), then oldest first
    return sorted(found, key=lambda c: (c.risk_level != HIGH, c.opened_at, str(c.pk)))


@transaction.atomic
def imported_cases_allocate(
    *, case_ids: Sequence[Any], team: Team | None, contract: Contract
) -> int:
    """Apply the team's rule to the cases an import of `contract` just opened in it; returns how
    many were allocated. A case no worker may take stays in the Unallocated queue."""
    if team is None or team.import_allocation != ImportAllocation.SUGGESTED or not case_ids:
        return 0
    cases = _new_cases(case_ids, team, contract)
    limit = contract_idva_limit(contract)
    candidates = team_workers(team, limit)
    if not cases or not candidates:
        return 0
    workers = {facts.key: facts for _, facts in candidates}
    users = {facts.key: user for user, facts in candidates}
    flags: dict[Any, list[str]] = {}
    for chunk in _chunks([c.person_id for c in cases]):
        flags |= current_flags(chunk)
    now = timezone.now()
    allocated: list[Case] = []
    events, audits, accesses = [], [], []
    by_worker: dict[Any, list[Any]] = defaultdict(list)
    for case in cases:
        facts = case_facts(
            case,
            flags=flags.get(case.person_id, []),
            idva_required=limit is not None,
        )
        ranked = suggest_allocation(facts, workers.values())
        if not ranked:
            continue
        best = ranked[0]
        user = users[best.worker.key]
        workers[best.worker.key] = _with_one_more(workers[best.worker.key], case)
        case.allocated_to, case.updated_at = user, now
        allocated.append(case)
        by_worker[user.pk].append(case.pk)
        if case.is_restricted:
            accesses.append(CaseAccess(case=case, user=user, granted_by=None))
        summary = f"{RULE_SUMMARY}: to {best.worker.name} in {team.name} ({best.explanation})"
        events.append(
            CaseEvent(
                case=case,
                kind=CaseEventKind.ALLOCATED,
                occurred_at=now,
                actor=None,
                summary=summary[:500],
                object_type=case._meta.label_lower,
                object_id=str(case.pk),
                data={"allocated_to": str(user.pk), "team": str(team.pk), "rule": "suggested"},
            )
        )
        audits.append(
            audit_record(
                actor=None,
                action=AuditAction.UPDATE,
                target=case,
                changes={"allocated_to": [None, str(user.pk)]},
                reason=RULE_SUMMARY,
            )
        )
    Case.objects.bulk_update(allocated, ["allocated_to", "updated_at"], batch_size=CHUNK)
    for user_id, ids in by_worker.items():
        for chunk in _chunks(ids):
            Task.objects.filter(case_id__in=chunk).update(allocated_to_id=user_id)
    CaseAccess.objects.bulk_create(accesses, batch_size=CHUNK)
    CaseEvent.objects.bulk_create(events, batch_size=CHUNK)
    audit_events_append(audits)
    return len(allocated)
