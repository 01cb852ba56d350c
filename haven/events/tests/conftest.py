"""Events tests: the personas' Leicester family contract (seed 001 Lot 1) and events on it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from haven.events.services import Delivery, EventDetails, event_record_delivery, event_schedule
from haven.testing.fixtures import contract_for

__all__ = ["contract_for"]

FAMILY = "leicester-family-2012"


@pytest.fixture
def family(contract_for):
    return contract_for(FAMILY)


def details(contracts, **changes):
    fields = {
        "contracts": contracts,
        "kind": "school_session",
        "title": "Healthy relationships, year 9",
        "starts_at": timezone.now() - dt.timedelta(days=2),
        "duration_minutes": 60,
        "venue": "Synthetic Academy",
        "location_type": "school",
        "audience": "young_people",
    }
    fields.update(changes)
    return EventDetails(**fields)


@pytest.fixture
def event(family, personas):
    return event_schedule(
        provider=personas.organisation,
        scheduled_by=personas.caseworker,
        details=details([family], facilitators=[personas.caseworker]),
    )


@pytest.fixture
def delivered(event, personas):
    return event_record_delivery(
        event=event,
        recorded_by=personas.caseworker,
        delivery=Delivery(
            attended=30,
            by_agency={"education": 2},
            feedback_forms=20,
            awareness_increased=15,
            more_confident=12,
            feedback_themes="Wanted more on online abuse",
        ),
    )
