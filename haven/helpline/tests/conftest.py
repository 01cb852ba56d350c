"""Helpline tests: the Wokingham (seed 003 s6.1, no opening hours: 9am-5pm) and Victim First
(seed 002 s3.2 opening hours) contracts of the personas' organisation."""

from datetime import UTC, datetime

import pytest

from haven.testing.fixtures import contract_for, open_case, profile_contract

__all__ = ["contract_for", "open_case"]


@pytest.fixture
def wokingham(personas):
    return profile_contract("wokingham-da-2017", personas.organisation)


@pytest.fixture
def victim_first(personas):
    return profile_contract("victim-first-2018", personas.organisation)


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def logged_call(wokingham, personas):
    """An incoming voicemail with a call-back booked, taken by the caseworker."""
    from haven.helpline.services import CallBackRequest, helpline_call_log

    return helpline_call_log(
        contract=wokingham,
        taken_by=personas.caseworker,
        started_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        direction="in",
        caller_type="victim",
        duration_minutes=0,
        outcomes=["call_back_booked"],
        answered_live=False,
        call_back=CallBackRequest(
            due_at=datetime(2026, 3, 2, 15, 0, tzinfo=UTC),
            phone="07700 900123",
            may_leave_message="no",
            safe_times="Weekday mornings",
            safe_contact_note="Partner may answer: say it is the surgery",
        ),
    )
