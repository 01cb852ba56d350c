"""Follow-up tests: closed cases with follow-up duties (shared fixtures: haven/testing/fixtures.py)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.services import case_close, contact_attempt_record, success_state_choices
from haven.people.models import SafeContact
from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]


def _ten_days_ago():
    return timezone.now() - dt.timedelta(days=10)


def close(case, user):
    case_close(
        case=case,
        closed_by=user,
        exit_type="planned",
        reason="Support ended",
        overrides={
            "exit_risk_assessment": "Not asked in this test",
            "exit_interview": "Not asked in this test",
            "needs_reassessment": "Not asked in this test",
        },
    )
    case.refresh_from_db()
    return case


def closed_after_contact(case, user):
    """Safe phone, a successful contact during the service, then closed."""
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


@pytest.fixture
def dv360_closed(open_case, contract_for, personas):
    """An OPCC DV 360 case closed after contact: 1- and 12-month follow-ups (seed 000 s5, s8)."""
    case = open_case(contract_for("opcc-dv360"), received_at=_ten_days_ago())
    return closed_after_contact(case, personas.caseworker)


@pytest.fixture
def wokingham_closed(open_case, contract_for, personas):
    """A Wokingham case closed after contact: 6- and 12-month follow-ups (seed 003 s6.9)."""
    case = open_case(
        contract_for("wokingham-da-2017"), route="professional", received_at=_ten_days_ago()
    )
    return closed_after_contact(case, personas.caseworker)
