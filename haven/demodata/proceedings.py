"""Legal proceedings as `proceeding_record` and `proceeding_outcome_record` write them: the row
and the timeline entries pointing at it, unsaved for `bulk_create`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from uuid import UUID

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.proceedings.models import INTERIM_OUTCOMES, Proceeding, ProceedingStatus
from haven.proceedings.services import outcome_summary, proceeding_summary, timeline_moment


class ProceedingsRecorder:
    """Mixed into `CaseRecorder`, which gives the case and the timeline (`event`)."""

    case: Case
    event: Callable[..., None]

    def __init__(self) -> None:
        self.proceedings: list[Proceeding] = []

    def proceeding(
        self,
        *,
        actor: User,
        at: datetime,
        kind: str,
        court_type: str,
        started_on: date,
        new_id: Callable[[], UUID],
        specialist_dv_court: bool = False,
        outcome: str = "",
        outcome_on: date | None = None,
        next_hearing_on: date | None = None,
    ) -> None:
        """`proceeding_record` at `at` and, with an `outcome`, `proceeding_outcome_record` at the
        same moment (the hearing the worker supported the survivor at)."""
        interim = outcome in INTERIM_OUTCOMES
        row = Proceeding(
            id=new_id(),
            case=self.case,
            kind=kind,
            court_type=court_type,
            specialist_dv_court=specialist_dv_court,
            started_on=started_on,
            next_hearing_on=next_hearing_on if (interim or not outcome) else None,
            status=ProceedingStatus.CONCLUDED if outcome and not interim else "ongoing",
            outcome=outcome,
            outcome_on=outcome_on if outcome else None,
            recorded_by=actor,
            recorded_at=at,
        )
        self.proceedings.append(row)
        self.event(
            kind=CaseEventKind.PROCEEDING,
            actor=actor,
            target=row,
            summary=proceeding_summary(kind),
            data={},
            at=timeline_moment(started_on, at),
            event_id=new_id(),
        )
        if outcome and outcome_on is not None:
            self.event(
                kind=CaseEventKind.PROCEEDING_OUTCOME,
                actor=actor,
                target=row,
                summary=outcome_summary(kind, outcome),
                data={},
                at=timeline_moment(outcome_on, at),
                event_id=new_id(),
            )
