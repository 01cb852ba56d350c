"""The service manager's "Returns due" on the home page (issue 10 s2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from haven.reporting.services import return_sign_off
from haven.reporting.snapshots import returns_due_for
from haven.reporting.tests.signoff_world import build_signoff_world
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


def test_the_service_manager_sees_each_contracts_returns_with_status(client, personas):
    world = build_signoff_world(personas, referrals=1)
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=personas.service_manager
    )
    client.force_login(personas.service_manager)
    body = client.get(reverse("home")).content.decode()
    assert "Returns due" in body
    assert reverse("signoff:sign_off", args=[world.contract.slug, "2026-Q1"]) in body


def test_statuses_follow_the_due_date_and_the_versions(personas):
    world = build_signoff_world(personas, referrals=1)
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=personas.service_manager
    )
    rows = returns_due_for(personas.service_manager, dt.date(2026, 12, 6))
    by_period = {(r.contract_slug, r.period_code): r for r in rows}
    # dv360, financial year: Q2 (July-September) is due one month later, 30 October: overdue
    assert by_period[("opcc-dv360", "2026-Q2")].status == "overdue"
    assert by_period[("opcc-dv360", "2026-Q2")].due_on == dt.date(2026, 10, 30)
    assert by_period[("opcc-dv360", "2026-Q1")].status == "signed_off"


def test_the_query_count_does_not_grow_with_the_contracts(personas):
    build_signoff_world(personas, referrals=0)
    with CaptureQueriesContext(connection) as one:
        returns_due_for(personas.service_manager, dt.date(2026, 12, 6))
    for slug in ("wokingham-da-2017", "victim-first-2018", "cornwall-mens-refuge-2021"):
        profile_contract(slug, personas.organisation)
    personas.service_manager = type(personas.service_manager).objects.get(
        pk=personas.service_manager.pk
    )
    with CaptureQueriesContext(connection) as four:
        rows = returns_due_for(personas.service_manager, dt.date(2026, 12, 6))
    assert len(rows) == 8
    assert len(four) == len(one)


def test_a_caseworker_has_no_returns_panel(client, personas):
    build_signoff_world(personas, referrals=0)
    client.force_login(personas.caseworker)
    assert "Returns due" not in client.get(reverse("home")).content.decode()
