"""Reads for exits: re-engagement attempts, the exclusion, and the person's earlier cases (the
open door, seed 003 s6: "an open door for residents to re-enter the services")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet

from haven.accounts.signed_in import Viewer
from haven.casework.models import (
    AppealOutcome,
    Case,
    Exclusion,
    ExitReason,
    ExitType,
    ReengagementAttempt,
)


def reengagement_attempts_for(case: Case) -> QuerySet[ReengagementAttempt]:
    return case.reengagement_attempts.select_related("recorded_by")


def exclusion_for(case: Case) -> Exclusion | None:
    return (
        Exclusion.objects.select_related("decided_by", "appeal_decided_by")
        .filter(case=case)
        .first()
    )


@dataclass(frozen=True)
class ExclusionView:
    """What the open door shows of an earlier exclusion (no reason text: it is on the case)."""

    decided_at: datetime
    appeal_lodged_at: datetime | None
    appeal_heard_at: datetime | None
    appeal_outcome: str

    @property
    def standing(self) -> bool:
        return self.appeal_outcome != AppealOutcome.OVERTURNED

    @property
    def appeal_text(self) -> str:
        if self.appeal_outcome:
            return AppealOutcome(self.appeal_outcome).label
        if self.appeal_lodged_at is not None:
            return "Appeal made, not yet decided"
        return "No appeal made"


@dataclass(frozen=True)
class EarlierCase:
    """One of the person's earlier cases. `case` is None when the viewer may not open it
    (restricted and they are not named): then only that it exists is shown."""

    case: Case | None
    opened_at: datetime
    closed_at: datetime | None
    contract_name: str
    exit_text: str
    exclusion: ExclusionView | None

    @property
    def restricted(self) -> bool:
        return self.case is None


def _exit_text(case: Case) -> str:
    if case.closed_at is None:
        return "still open"
    parts = [ExitType(case.exit_type).label] if case.exit_type else []
    if case.exit_reason:
        parts.append(ExitReason(case.exit_reason).label.lower())
    return ": ".join(parts) or "closed"


def earlier_cases(viewer: Viewer, case: Case) -> list[EarlierCase]:
    """The person's cases opened before this one in the viewer's scope, newest first (seed 003
    s13 "known to service previously")."""
    return person_cases(viewer, case.person_id, before=case.opened_at, leave_out=case.pk)


def person_cases(
    viewer: Viewer, person_id: Any, *, before: datetime | None = None, leave_out: Any = None
) -> list[EarlierCase]:
    """The person's cases in the viewer's scope (opened before `before`), newest first. A
    restricted case the viewer may not open shows only that it exists, with no link, dates,
    reason or exclusion."""
    wanted = Q(person_id=person_id) & (Q() if before is None else Q(opened_at__lt=before))
    scoped = (
        Case.objects.in_scope_of(viewer)
        .filter(wanted)
        .exclude(pk=leave_out)
        .select_related("contract", "exclusion")
        .order_by("-opened_at")
    )
    visible: set[Any] = set(
        Case.objects.visible_to(viewer).filter(wanted).values_list("pk", flat=True)
    )
    rows = []
    for earlier in scoped:
        if earlier.pk not in visible:
            rows.append(EarlierCase(None, earlier.opened_at, None, "", "", None))
            continue
        exclusion = getattr(earlier, "exclusion", None)
        rows.append(
            EarlierCase(
                earlier,
                earlier.opened_at,
                earlier.closed_at,
                earlier.contract.name,
                _exit_text(earlier),
                None
                if exclusion is None
                else ExclusionView(
                    exclusion.decided_at,
                    exclusion.appeal_lodged_at,
                    exclusion.appeal_heard_at,
                    exclusion.appeal_outcome,
                ),
            )
        )
    return rows
