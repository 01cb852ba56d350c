"""Support sessions as `support_session_record` writes them: the row (built by the service's own
`support_session_row`) and the timeline entry pointing at it, unsaved for `bulk_create`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.support.models import SupportSession
from haven.support.services import session_summary, support_session_row


class SupportSessionsRecorder:
    """Mixed into `CaseRecorder`, which gives the case, ids and the timeline (`event`)."""

    case: Case
    new_id: Callable[[], UUID]
    event: Callable[..., None]

    def __init__(self) -> None:
        self.support_sessions: list[SupportSession] = []

    def support_session(
        self,
        *,
        actor: User,
        at: datetime,
        mode: str,
        duration_minutes: int,
        covered: frozenset[str] = frozenset(),
        notes: str = "",
        session_with: str = "survivor",
        new_id: Callable[[], UUID] | None = None,
    ) -> None:
        """`support_session_record`, delivered and recorded by `actor` at `at`; `new_id` gives
        the row's and the timeline entry's ids (the case's id stream without it)."""
        ids = new_id or self.new_id
        session = support_session_row(
            case=self.case,
            delivered_at=at,
            mode=mode,
            duration_minutes=duration_minutes,
            delivered_by=actor,
            session_with=session_with,
            covered=covered,
            notes=notes,
            recorded_by=actor,
            recorded_at=at,
        )
        session.id = ids()
        self.support_sessions.append(session)
        self.event(
            kind=CaseEventKind.SUPPORT_SESSION,
            actor=actor,
            target=session,
            summary=session_summary(mode, duration_minutes),
            data={},
            at=at,
            event_id=ids(),
        )
