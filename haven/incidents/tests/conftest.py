"""Incidents tests use the shared fixtures (haven/testing/fixtures.py): the personas' Cornwall
men's refuge contract (seed 004, whose s9 sets the 3-day report) and a case on it."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]

CORNWALL = "cornwall-mens-refuge-2021"


@pytest.fixture
def cornwall(contract_for):
    return contract_for(CORNWALL)


@pytest.fixture
def cornwall_case(open_case, cornwall):
    return open_case(contract=cornwall)


@pytest.fixture
def incident(cornwall_case, personas):
    from haven.incidents.services import serious_incident_record

    return serious_incident_record(
        contract=cornwall_case.contract,
        case=cornwall_case,
        recorded_by=personas.team_leader,
        kind="near_miss",
        occurred_at=timezone.now() - dt.timedelta(hours=5),
        summary="Synthetic: a near miss reported by the police",
    )


@pytest.fixture
def complaint(cornwall, personas):
    from haven.incidents.complaint_services import complaint_record

    return complaint_record(
        contract=cornwall,
        recorded_by=personas.team_leader,
        received_on=timezone.localdate() - dt.timedelta(days=2),
        complainant="service_user",
        route="phone",
        subject="delay",
        summary="Synthetic: waited for a call back",
        stage="informal",
    )
