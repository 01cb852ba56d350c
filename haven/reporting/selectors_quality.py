"""Reads for the data-quality page: the report of a contract and period, and the rows of a
drill-down re-scoped to the viewer.

The report counts every record of the contract, whoever asks (ADR 0010); the drill-down shows
each record's reference code and link only where the viewer may open it (`Case.visible_to`,
`referral_visible_q`), "Restricted record" otherwise. Who may ask is checked by the views
(`reporting.rules_quality`) before these are called.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from haven.access.scope import referral_visible_q
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.models import Case, Task
from haven.casework.services.tasks import data_quality_tasks_q
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.referrals.models import Referral
from haven.reporting.loaders import gc_paused, load_facts
from haven.reporting.periods import Period
from haven.reporting.quality import QualityReport, Record, quality_report


@gc_paused
def contract_quality(contract: Contract, period: Period) -> QualityReport:
    """The data-quality report of the contract's return for the period, from the records now."""
    facts = load_facts(contract, period.start, period.end)
    today = timezone.localdate()
    return quality_report(facts, period, profile_of(contract).measures, today)


@dataclass(frozen=True)
class ExceptionRow:
    """One record of a drill-down as this viewer may see it."""

    record_id: Any
    reference_code: str  # "" when restricted
    url: str  # "" when restricted
    restricted: bool
    case_id: Any  # the case a task can be set on (None: no case yet)
    worker: str  # the allocated worker's name, "" when none or restricted
    assignable: bool  # a visible case with an allocated worker and no open task for the field
    assigned: bool  # an open data-quality task for the field already exists


def exception_rows(
    user: Viewer, report: QualityReport, record_type: str, ids: Iterable[Any], field_key: str = ""
) -> list[ExceptionRow]:
    """The records as rows for this viewer (a fixed number of queries, whatever their number)."""
    records = [r for r in (report.record(record_type, i) for i in ids) if r is not None]
    case_ids = {r.case.id for r in records if r.case is not None}
    referral_ids = {r.id for r in records if r.kind == "referral"}
    visible_cases = set(
        Case.objects.visible_to(user).filter(pk__in=case_ids).values_list("pk", flat=True)
    )
    visible_referrals = set(
        Referral.objects.filter(referral_visible_q(user), pk__in=referral_ids).values_list(
            "pk", flat=True
        )
    )
    workers = dict(
        User.objects.filter(
            pk__in={r.case.allocated_to_id for r in records if r.case is not None}
        ).values_list("pk", "full_name")
    )
    tasked = set(open_quality_task_cases(case_ids, field_key)) if field_key else set()
    return [_row(r, visible_cases, visible_referrals, workers, tasked) for r in records]


def _row(
    record: Record,
    visible_cases: set[Any],
    visible_referrals: set[Any],
    workers: dict[Any, str],
    tasked: set[Any],
) -> ExceptionRow:
    case = record.case
    if record.kind == "case":
        visible = record.id in visible_cases
        url = reverse("casework:detail", args=[record.id]) if visible else ""
    else:
        visible = record.id in visible_referrals and (case is None or case.id in visible_cases)
        url = reverse("referrals:detail", args=[record.id]) if visible else ""
    if not visible:
        return ExceptionRow(record.id, "", "", True, None, "", False, False)
    case_id = case.id if case is not None else None
    worker = workers.get(case.allocated_to_id, "") if case is not None else ""
    assigned = case_id in tasked
    code = record.person.reference_code if record.person is not None else ""
    assignable = case_id is not None and bool(worker) and not assigned
    return ExceptionRow(record.id, code, url, False, case_id, worker, assignable, assigned)


def open_quality_task_cases(case_ids: Iterable[Any], field_key: str) -> list[Any]:
    """Cases among these with an open data-quality task for the field."""
    return list(
        Task.objects.filter(
            data_quality_tasks_q(field_key), case_id__in=list(case_ids), is_outstanding=True
        )
        .values_list("case_id", flat=True)
        .distinct()
    )


def assignable_cases(user: Viewer, case_ids: Iterable[Any]) -> list[Case]:
    """The cases among these the user may open that have an allocated worker."""
    return list(
        Case.objects.visible_to(user)
        .filter(pk__in=list(case_ids), allocated_to__isnull=False)
        .select_related("contract")
    )
