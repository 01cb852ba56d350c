"""Events in a Leicester return (issue 16 item 2): loaded only when a measure reads them, for the
contract they were delivered under, delivered ones only, and counted (seed 001 Lot 1 s8)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.contracts.profiles.stored import profile_of
from haven.events.services import Delivery, event_cancel, event_record_delivery, event_schedule
from haven.events.tests.conftest import details
from haven.reporting.engine import figures_for
from haven.reporting.facts import NotLoaded
from haven.reporting.loaders import load_facts
from haven.reporting.tests.test_loaders import Q1

pytestmark = pytest.mark.django_db

AT = datetime(2026, 5, 1, 10, tzinfo=UTC)


def _event(personas, contracts, **changes):
    return event_schedule(
        provider=personas.organisation,
        scheduled_by=personas.caseworker,
        details=details(contracts, starts_at=AT, **changes),
    )


def test_seed_001_lot_1_s8_delivered_events_of_the_contract_load_with_their_feedback(
    family, contract_for, personas
):
    perpetrator = contract_for("leicester-perpetrator-2012")
    both = _event(personas, [family, perpetrator])
    event_record_delivery(
        event=both,
        recorded_by=personas.caseworker,
        delivery=Delivery(attended=12, feedback_forms=3, awareness_increased=2, more_confident=1),
    )
    _event(personas, [family])  # scheduled, never delivered
    cancelled = _event(personas, [family])
    event_cancel(event=cancelled, cancelled_by=personas.caseworker, reason="Venue closed")
    other = _event(personas, [perpetrator])
    event_record_delivery(event=other, recorded_by=personas.caseworker, delivery=Delivery(5))

    with CaptureQueriesContext(connection) as queries:
        facts = load_facts(family, Q1.start, Q1.end, needs=frozenset({"events"}))
    assert [str(e.id) for e in facts.events] == [str(both.pk)]
    assert len(facts.event_feedback) == 6
    assert sum(a.said_yes for a in facts.event_feedback if a.question == "awareness") == 2
    assert len([q for q in queries if "events_event" in q["sql"]]) == 1
    assert isinstance(load_facts(family, Q1.start, Q1.end, needs=frozenset()).events, NotLoaded)


def test_the_family_return_counts_the_quarters_school_sessions(family, personas):
    delivered = _event(personas, [family])
    event_record_delivery(
        event=delivered,
        recorded_by=personas.caseworker,
        delivery=Delivery(attended=25, feedback_forms=10, awareness_increased=7),
    )
    facts = load_facts(family, Q1.start, Q1.end)
    computed = figures_for(profile_of(family), facts, Q1, datetime(2026, 7, 1, tzinfo=UTC))
    results = {r.spec.id: r for r in computed.measures}
    assert results["training_awareness_sessions"].value == 1
    assert results["community_events"].value == 0
    assert results["awareness_locally"].value == pytest.approx(0.7)


def test_the_drill_down_links_each_session_to_its_own_page(client, family, personas):
    from django.urls import reverse

    delivered = _event(personas, [family])
    event_record_delivery(event=delivered, recorded_by=personas.caseworker, delivery=Delivery(9))
    client.force_login(personas.service_manager)
    page = client.get(
        reverse("reporting:measure", args=[family.slug, Q1.code, "training_awareness_sessions"])
    ).content.decode()
    assert reverse("events:detail", args=[delivered.pk]) in page
    assert "Training or event" in page
