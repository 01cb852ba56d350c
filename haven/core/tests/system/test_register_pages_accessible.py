"""The service's registers with no browser journey of their own (issue 16: workforce and
volunteers, budgets and spend, training and events) meet WCAG 2.2 AA in Chromium: every page a
service manager reaches from each register's front page, and each form's error state (the form
sent empty). A walk, not a journey: it follows the links within the register and submits
every form it finds once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from haven.testing.browser import axe_violations, sign_in
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]

REGISTERS = ("/workforce/", "/finance/", "/events/")
PAGES_PER_REGISTER = 30


def _world(personas):
    from haven.events.services import EventDetails, event_schedule
    from haven.finance.services import budget_line_set, income_record, spend_record
    from haven.hardship.services import financial_year_of
    from haven.workforce.services import (
        course_create,
        establishment_post_create,
        staff_member_create,
        supervision_record,
    )

    today = timezone.localdate()
    manager = personas.service_manager
    post = establishment_post_create(
        organisation=personas.organisation,
        title="Synthetic IDVA",
        contract_type="permanent",
        fte=Decimal("1"),
        valid_from=today - dt.timedelta(days=500),
        created_by=manager,
    )
    staff = staff_member_create(
        organisation=personas.organisation,
        full_name=personas.caseworker.full_name,
        kind="staff",
        contract_type="permanent",
        fte=Decimal("1"),
        started_on=today - dt.timedelta(days=400),
        team=personas.team,
        user=personas.caseworker,
        post=post,
        created_by=manager,
    )
    supervision_record(
        staff=staff,
        held_on=today - dt.timedelta(days=20),
        kind="individual",
        recorded_by=manager,
    )
    course_create(
        organisation=personas.organisation,
        name="Safeguarding adults",
        mandatory_for_staff=True,
        mandatory_for_volunteers=False,
        renewal_months=24,
        created_by=manager,
    )
    contract = profile_contract("victim-first-2018", personas.organisation)
    year = financial_year_of(contract, today)
    budget_line_set(
        contract=contract, year=year, category="staff", amount=Decimal("1000"), set_by=manager
    )
    spend_record(
        contract=contract,
        category="staff",
        spent_on=today,
        amount=Decimal("-12.50"),
        description="Synthetic refund",
        supplier="Synthetic Supplies",
        recorded_by=manager,
    )
    income_record(
        contract=contract,
        received_on=today,
        amount=Decimal("500"),
        kind="other",
        source="Synthetic Trust",
        recorded_by=manager,
    )
    family = profile_contract("leicester-family-2012", personas.organisation)
    event_schedule(
        provider=personas.organisation,
        scheduled_by=manager,
        details=EventDetails(
            contracts=[family],
            kind="school_session",
            title="Healthy relationships, year 9",
            starts_at=timezone.now() - dt.timedelta(days=2),
            duration_minutes=60,
            venue="Synthetic Academy",
            location_type="school",
            audience="young_people",
            facilitators=[manager],
        ),
    )


def _links(page, prefix):
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")
    paths = []
    for href in hrefs:
        split = urlsplit(href)
        path = split.path + (f"?{split.query}" if split.query else "")
        if split.path.startswith(prefix) and not split.path.endswith((".csv", ".xlsx")):
            paths.append(path)
    return paths


def test_every_register_page_and_its_error_states_meet_wcag_22_aa(live_server, page):
    personas = build_personas()
    _world(personas)
    sign_in(page, live_server, personas.service_manager)
    base = live_server.url
    failures: list[str] = []
    walked = 0
    all_seen: set[str] = set()
    for register in REGISTERS:
        queue, seen = [register], set()
        while queue and len(seen) < PAGES_PER_REGISTER:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            all_seen.add(path)
            response = page.goto(f"{base}{path}")
            assert response is not None, path
            assert response.status < 500, path
            walked += 1
            failures += [f"{path}: {v['id']}" for v in axe_violations(page)]
            queue += [p for p in _links(page, register) if p not in seen]
            button = page.locator(
                "main form[method='post'] button[type='submit'], "
                "main form[method='post'] button:not([type])"
            ).first
            if button.count():
                button.click()
                page.wait_for_load_state("load")
                failures += [f"{path} (sent empty): {v['id']}" for v in axe_violations(page)]
    assert walked >= 15, walked
    assert failures == [], "\n".join(failures)
