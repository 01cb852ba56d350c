"""Serious incidents, complaints and compliments in a return (issue 12): loaded only when a
measure reads them, for the contract (the service's own and its cases'), and counted."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from haven.incidents.models import Complaint, Compliment, SeriousIncident
from haven.reporting.facts import NotLoaded
from haven.reporting.loaders import load_facts
from haven.reporting.tests.test_loaders import Q1

pytestmark = pytest.mark.django_db

AT = datetime(2026, 5, 1, 10, tzinfo=UTC)


def test_the_contracts_records_load_as_facts(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    other = contract_for("opcc-dv360")
    user = personas.team_leader
    incident = SeriousIncident.objects.create(
        contract=contract,
        kind="near_miss",
        occurred_at=AT,
        summary="Synthetic",
        recorded_by=user,
        recorded_at=AT,
    )
    SeriousIncident.objects.create(
        contract=other,
        kind="near_miss",
        occurred_at=AT,
        summary="x",
        recorded_by=user,
        recorded_at=AT,
    )
    common = {"complainant": "service_user", "route": "phone", "subject": "delay", "summary": "x"}
    received = Complaint.objects.create(
        contract=contract, received_on=date(2026, 4, 3), recorded_by=user, recorded_at=AT, **common
    )
    resolved = Complaint.objects.create(
        contract=contract,
        received_on=date(2026, 3, 3),
        outcome="upheld",
        resolved_on=date(2026, 4, 3),
        recorded_by=user,
        recorded_at=AT,
        **common,
    )
    Complaint.objects.create(
        contract=contract, received_on=date(2026, 1, 3), recorded_by=user, recorded_at=AT, **common
    )
    compliment = Compliment.objects.create(
        contract=contract,
        received_on=date(2026, 6, 30),
        complimenter="professional",
        about="x",
        recorded_by=user,
        recorded_at=AT,
    )
    facts = load_facts(contract, Q1.start, Q1.end)
    assert [i.id for i in facts.serious_incidents] == [incident.id]
    assert {c.id for c in facts.complaints} == {received.id, resolved.id}
    assert [c.id for c in facts.compliments] == [compliment.id]
    assert facts.complaints[0].received_on.year == 2026


def test_they_are_not_read_unless_a_measure_needs_them(contract_for):
    facts = load_facts(contract_for("opcc-dv360"), Q1.start, Q1.end, needs=frozenset())
    assert isinstance(facts.complaints, NotLoaded)


def test_a_service_complaint_is_drilled_to_as_no_one_s_record(client, contract_for, personas):
    from django.urls import reverse
    from django.utils import timezone

    from haven.reporting.periods import current_period

    contract = contract_for("cornwall-mens-refuge-2021")
    Complaint.objects.create(
        contract=contract,
        received_on=timezone.localdate(),
        complainant="public",
        route="email",
        subject="other",
        summary="x",
        recorded_by=personas.team_leader,
        recorded_at=AT,
    )
    from django.utils import timezone

    period = current_period(timezone.now(), "quarter", "04-01").code
    client.force_login(personas.service_manager)
    response = client.get(reverse("reporting:measure", args=[contract.slug, period, "complaints"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The records counted: 1." in html
    assert "Restricted record</strong>" not in html
