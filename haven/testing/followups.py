"""Closed cases with follow-up duties, for the follow-ups tests and the structural tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from haven.casework.models import Case
from haven.casework.services import case_close, contact_attempt_record, success_state_choices
from haven.people.models import SafeContact


def close(case: Case, user: Any) -> Case:
    """Close the case (planned), overriding whatever exit step is missing."""
    case_close(
        case=case,
        closed_by=user,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Support ended",
        overrides={
            "exit_risk_assessment": "Not asked in this test",
            "exit_interview": "Not asked in this test",
            "needs_reassessment": "Not asked in this test",
        },
    )
    case.refresh_from_db()
    return case


def closed_after_contact(case: Case, user: Any) -> Case:
    """A safe phone, a successful contact during the service, then closed: the profile's
    follow-ups (rules starting at closure) are open."""
    SafeContact.objects.create(person=case.person, safe_phone="07700 900123")
    case.opened_at = timezone.now() - dt.timedelta(days=10)
    case.save(update_fields=["opened_at"])
    contact_attempt_record(
        case=case,
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now() - dt.timedelta(days=9),
        recorded_by=user,
        next_state="engaged" if success_state_choices(case) else "",
    )
    case.refresh_from_db()
    return close(case, user)
