"""Support sessions in a return: loaded in one query for the window's cases, placed in the period
by `delivered_at`, with a query count that does not grow with the number of sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import MAY, NOW, Q1, cases
from haven.support.models import SupportSession

pytestmark = pytest.mark.django_db


def _session(case, user, at, mode="telephone", minutes=30, **covered):
    return SupportSession.objects.create(
        case=case,
        delivered_at=at,
        mode=mode,
        duration_minutes=minutes,
        delivered_by=user,
        recorded_by=user,
        recorded_at=at,
        **covered,
    )


def test_sessions_in_the_window_are_counted(contract_for, personas):
    contract = contract_for("leicester-victim-survivor-2012")
    first, second = cases(contract, 2)
    _session(first, personas.caseworker, MAY, minutes=45)
    _session(second, personas.caseworker, MAY + timedelta(days=1), minutes=30)
    _session(second, personas.caseworker, MAY, mode="court", minutes=240, court_session=True)
    _session(first, personas.caseworker, datetime(2026, 3, 1, tzinfo=UTC), minutes=600)
    result = contract_return(contract, Q1, now=NOW)
    hours = result.measure("telephone_support_hours")
    court = result.measure("court_sessions")
    assert hours is not None
    assert court is not None
    # 45 + 30 telephone minutes in the quarter = 1.25 hours; the March session is outside
    assert hours.value == 1.25
    assert court.value == 1


def test_sessions_load_as_facts_with_their_coverage(contract_for, personas):
    contract = contract_for("victim-first-2018")
    (case,) = cases(contract, 1)
    session = _session(case, personas.caseworker, MAY, vps_enabled=True)
    facts = load_facts(contract, Q1.start, Q1.end)
    (loaded,) = facts.sessions
    assert (loaded.id, loaded.case_id, loaded.mode, loaded.duration_minutes) == (
        session.id,
        case.id,
        "telephone",
        30,
    )
    assert loaded.delivered_at == MAY
    assert loaded.vps_enabled
    assert not loaded.court_session


def test_query_count_does_not_grow_with_the_number_of_sessions(contract_for, personas):
    contract = contract_for("leicester-victim-survivor-2012")
    (case,) = cases(contract, 1)
    _session(case, personas.caseworker, MAY)
    with CaptureQueriesContext(connection) as few:
        contract_return(contract, Q1, now=NOW)
    for other in cases(contract, 10):
        _session(other, personas.caseworker, MAY)
        _session(other, personas.caseworker, MAY, mode="court", court_session=True)
    with CaptureQueriesContext(connection) as many:
        contract_return(contract, Q1, now=NOW)
    assert len(many) == len(few)
