"""What team leaders and service managers see of high risk across their teams (seed 001 s5): the
risk register (high-risk victims not reaching the local MARAC threshold, with their review date)
and high-risk cases per worker over a rolling 12 months against the contract's limit.

Scope is the caseloads' (casework.caseload_selectors): the teams the user oversees, and only
cases they may open without a reason.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.casework.caseload_selectors import may_oversee, overseen_teams
from haven.casework.models import Case, CaseState, Task
from haven.contracts.models import Contract
from haven.risk.models import RiskAssessment
from haven.risk.reassessments import REGISTER_RULE_KEY, on_register, risk_spec_of

ROLLING_YEAR = timedelta(days=365)


def _require_oversight(user: Viewer) -> None:
    if not may_oversee(user):
        raise PermissionDenied


@dataclass(frozen=True)
class RegisterRow:
    case: Case
    score: int
    review_due_at: datetime | None  # the open review task's due time (None: none open)
    threshold: int


def risk_register(user: Viewer) -> list[RegisterRow]:
    """Open cases in the user's teams on the register (seed 001 s5), earliest review first."""
    _require_oversight(user)
    latest = RiskAssessment.objects.filter(case_id=OuterRef("pk")).order_by(
        "-completed_at", "-created_at"
    )
    reviews = Task.objects.filter(
        case_id=OuterRef("pk"), rule_key__startswith=REGISTER_RULE_KEY, is_outstanding=True
    ).order_by("due_at")
    cases = (
        Case.objects.visible_to(user)
        .filter(~Q(state=CaseState.CLOSED), team__in=overseen_teams(user), risk_level="high")
        .annotate(
            latest_score=Subquery(latest.values("score")[:1]),
            latest_level=Subquery(latest.values("level")[:1]),
            review_due_at=Subquery(reviews.values("due_at")[:1]),
        )
        .select_related("person", "contract", "allocated_to", "team")
    )
    rows = []
    for case in cases:
        spec = risk_spec_of(case.contract)
        score: Any = case.latest_score  # type: ignore[attr-defined]
        level: Any = case.latest_level  # type: ignore[attr-defined]
        register = spec.risk_register if spec is not None else None
        if register is not None and score is not None and on_register(spec, level, score):
            due: Any = case.review_due_at  # type: ignore[attr-defined]
            rows.append(RegisterRow(case, score, due, register.marac_score_threshold))
    far = timezone.now() + timedelta(days=365 * 100)
    return sorted(rows, key=lambda r: (r.review_due_at or far, str(r.case.pk)))


@dataclass(frozen=True)
class CaseloadRow:
    worker: User
    high_risk_cases: int
    limit: int | None  # the lowest limit among the contracts of the cases counted

    @property
    def over(self) -> bool:
        return self.limit is not None and self.high_risk_cases > self.limit


def _high_risk_counts(cases: Any, since: datetime) -> dict[Any, set[Any]]:
    """worker id: the ids of their cases with a high final level assessed since `since`."""
    rows = (
        RiskAssessment.objects.filter(case__in=cases, level="high", completed_at__gte=since)
        .values_list("case__allocated_to_id", "case_id")
        .distinct()
    )
    found: dict[Any, set[Any]] = defaultdict(set)
    for worker_id, case_id in rows:
        if worker_id is not None:
            found[worker_id].add(case_id)
    return found


def high_risk_caseloads(user: Viewer, *, now: datetime | None = None) -> list[CaseloadRow]:
    """High-risk cases per worker over the last 12 months (open or closed since), in the teams
    the user oversees: a case counts when a checklist in the year gave it a high final level
    (seed 001 s5: IDVAs support 80-100 high-risk victims a year). Highest first."""
    _require_oversight(user)
    since = (now or timezone.now()) - ROLLING_YEAR
    cases = Case.objects.visible_to(user).filter(
        team__in=overseen_teams(user), allocated_to__isnull=False
    )
    found = _high_risk_counts(cases, since)
    contracts = defaultdict(set)
    for worker_id, contract in cases.filter(
        allocated_to_id__in=list(found), pk__in=[c for ids in found.values() for c in ids]
    ).values_list("allocated_to_id", "contract_id"):
        contracts[worker_id].add(contract)
    workers = {w.pk: w for w in User.objects.filter(pk__in=list(found))}
    limits = _contract_limits({c for ids in contracts.values() for c in ids})
    rows = []
    for worker_id, case_ids in found.items():
        worker_limits = [
            limit for c in contracts[worker_id] if (limit := limits.get(c)) is not None
        ]
        limit = min(worker_limits) if worker_limits else None
        rows.append(CaseloadRow(workers[worker_id], len(case_ids), limit))
    return sorted(rows, key=lambda r: (-r.high_risk_cases, r.worker.get_full_name()))


def _contract_limits(contract_ids: set[Any]) -> dict[Any, int | None]:
    limits: dict[Any, int | None] = {}
    for contract in Contract.objects.filter(pk__in=contract_ids):
        spec = risk_spec_of(contract)
        limits[contract.pk] = spec.caseload.high_risk_per_year if spec and spec.caseload else None
    return limits


def caseload_warnings(case: Case, workers: Sequence[User]) -> list[str]:
    """The allocation form's warning for each worker at or over the case's contract limit of
    high-risk cases a year (profile `risk.caseload`; seed 001 s5). Counts every case allocated
    to them (a count only: nothing about cases the allocator may not see is shown)."""
    spec = risk_spec_of(case.contract)
    if spec is None or spec.caseload is None or not workers:
        return []
    limit = spec.caseload.high_risk_per_year
    since = timezone.now() - ROLLING_YEAR
    cases = Case.objects.filter(allocated_to__in=list(workers))
    found = _high_risk_counts(cases, since)
    warnings = []
    for worker in workers:
        count = len(found.get(worker.pk, ()))
        if count >= limit:
            warnings.append(
                f"{worker.get_full_name()} has {count} high-risk cases in the last 12 months: "
                f"at or over this contract's limit of {limit} a year "
                f"({spec.caseload.citation})"
            )
    return warnings
