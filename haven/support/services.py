"""Record a support session: its row (what returns count), its audit, and a timeline entry
pointing at the row (STYLE habit 1)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.casework.selectors import staff_for_case
from haven.casework.services import case_event_record, opened_minute
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.support.models import (
    COVERED,
    DURATION_MAX_MINUTES,
    DURATION_MIN_MINUTES,
    SessionMode,
    SessionWith,
    SupportSession,
)
from haven.validators import format_day, moment_problem, refuse, text_problem

NOTES_MAX_LENGTH = 2_000


def support_session_refusal(case: Case) -> str | None:
    """Why no session may be recorded on this case (a closed case takes nothing), or None."""
    return record_refusal(case)


def session_summary(mode: str, duration_minutes: int) -> str:
    """The timeline line: mode and length only (what was covered stays on the session)."""
    return f"Support session: {SessionMode(mode).label.lower()}, {duration_minutes} minutes"


def _when_problem(case: Case, delivered_at: datetime) -> str | None:
    opened = timezone.localtime(case.opened_at)
    return moment_problem(
        delivered_at,
        subject="Date and time of the session",
        now=timezone.now(),
        not_before=opened_minute(case.opened_at),
        not_before_what=f"{opened:%H:%M} on {format_day(opened.date())}, when the case opened",
    )


def delivered_by_problem(case: Case, delivered_by: User | None, recorded_by: User) -> str | None:
    """Someone else may have delivered the session: active staff of the case's provider."""
    if delivered_by is None or delivered_by.pk == recorded_by.pk:
        return None
    if staff_for_case(case).filter(pk=delivered_by.pk).exists():
        return None
    return "Select a member of staff of this service"


def covered_with_court(mode: str, covered: frozenset[str]) -> frozenset[str]:
    """What a session covered: a session at court is a court session."""
    return frozenset(covered) | ({"court_session"} if mode == SessionMode.COURT else frozenset())


def support_session_row(
    *,
    case: Case,
    delivered_at: datetime,
    mode: str,
    duration_minutes: int,
    delivered_by: User,
    covered: frozenset[str],
    notes: str,
    recorded_by: User,
    recorded_at: datetime,
    session_with: str = SessionWith.SURVIVOR,
) -> SupportSession:
    """The unsaved row `support_session_record` writes (the demo's bulk writer builds it too)."""
    covered = covered_with_court(mode, covered)
    return SupportSession(
        case=case,
        delivered_at=delivered_at,
        mode=mode,
        duration_minutes=duration_minutes,
        delivered_by=delivered_by,
        session_with=session_with,
        notes=notes,
        recorded_by=recorded_by,
        recorded_at=recorded_at,
        **{name: name in covered for name in COVERED},
    )


@transaction.atomic
def support_session_record(
    *,
    case: Case,
    recorded_by: User,
    delivered_at: datetime,
    mode: str,
    duration_minutes: int,
    delivered_by: User | None = None,
    session_with: str = SessionWith.SURVIVOR,
    covered: frozenset[str] = frozenset(),
    notes: str = "",
) -> SupportSession:
    """One session delivered on an open case (by `delivered_by`, the recorder without, to
    `session_with`); `covered` names COVERED fields that were true. Refuses (ValidationError per
    field) a closed case, a future time or one before the case opened, an unknown mode or
    attendee, a length outside 1-720 minutes, an SDVC that was not a court session, someone who
    is not staff of the case's provider as its deliverer."""
    refusal = support_session_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    notes = notes.strip()
    covered = covered_with_court(mode, covered)
    refuse(
        {
            "delivered_at": _when_problem(case, delivered_at),
            "mode": None if mode in SessionMode.values else "Select how the support was given",
            "session_with": None
            if session_with in SessionWith.values
            else "Select who the session was with",
            "delivered_by": delivered_by_problem(case, delivered_by, recorded_by),
            "duration_minutes": None
            if DURATION_MIN_MINUTES <= duration_minutes <= DURATION_MAX_MINUTES
            else f"Length must be between {DURATION_MIN_MINUTES} and "
            f"{DURATION_MAX_MINUTES} minutes",
            "covered": f"Unknown: {', '.join(sorted(covered - set(COVERED)))}"
            if covered - set(COVERED)
            else (
                "A specialist domestic abuse court is a court session: select both"
                if "specialist_dv_court" in covered and "court_session" not in covered
                else None
            ),
            "notes": text_problem(notes, subject="Notes", limit=NOTES_MAX_LENGTH),
        }
    )
    session = support_session_row(
        case=case,
        delivered_at=delivered_at,
        mode=mode,
        duration_minutes=duration_minutes,
        delivered_by=delivered_by or recorded_by,
        session_with=session_with,
        covered=covered,
        notes=notes,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    session.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=session,
        changes={  # the notes stay on the session
            key: [None, value]
            for key, value in {
                "delivered_at": delivered_at,
                "mode": mode,
                "duration_minutes": duration_minutes,
                "delivered_by": str(session.delivered_by_id),
                "session_with": session_with,
                "covered": sorted(covered),
            }.items()
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SUPPORT_SESSION,
        actor=recorded_by,
        target=session,
        summary=session_summary(mode, duration_minutes),
        data={},  # the counted facts live on the session row
        occurred_at=delivered_at,
    )
    return session
