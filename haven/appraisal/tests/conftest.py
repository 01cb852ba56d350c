"""Appraisal tests: Leicester's victim/survivor contract (seed 001 Lot 3 s8: its 360-degree
appraisal measures) and a round open now."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.fixtures import profile_contract


@pytest.fixture
def vs_contract(personas):
    return profile_contract("leicester-victim-survivor-2012", personas.organisation)


@pytest.fixture
def appraisal(vs_contract, personas):
    from haven.appraisal.services import round_create

    today = timezone.localdate()
    return round_create(
        contract=vs_contract,
        title="360-degree appraisal",
        opens_on=today - dt.timedelta(days=7),
        closes_on=today + dt.timedelta(days=21),
        created_by=personas.service_manager,
    )


@pytest.fixture
def feedback(vs_contract, personas):
    from haven.appraisal.services import feedback_record

    return feedback_record(
        contract=vs_contract,
        received_on=timezone.localdate(),
        you_said="Synthetic: evening appointments please",
        recorded_by=personas.analyst,
    )
