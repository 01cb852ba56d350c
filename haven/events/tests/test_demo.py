"""The demo's events (issue 16 item 2): two years of them, most under the Leicester contracts,
delivered ones with attendance and feedback within the forms, some scheduled ahead; rebuilt the
same from the same seed."""

from __future__ import annotations

import pytest
from django.db.models import F
from django.utils import timezone

from haven.demodata.events import build_demo_events, demo_events_reset
from haven.events.models import Event, EventStatus

pytestmark = pytest.mark.django_db


def test_demo_events_cover_the_leicester_contracts_and_reset(contract_for, personas):
    family = contract_for("leicester-family-2012")
    contract_for("leicester-perpetrator-2012")
    now = timezone.now()
    made = build_demo_events(organisation=personas.organisation, seed=7, now=now)
    assert made == Event.objects.count() > 40
    delivered = Event.objects.filter(status=EventStatus.DELIVERED)
    assert delivered.filter(contracts=family, location_type="school").exists()
    assert not delivered.filter(awareness_increased__gt=F("feedback_forms")).exists()
    assert Event.objects.filter(status=EventStatus.SCHEDULED, starts_at__gt=now).exists()
    titles = list(Event.objects.order_by("starts_at", "title").values_list("title", flat=True))
    demo_events_reset(personas.organisation)
    assert Event.objects.count() == 0
    build_demo_events(organisation=personas.organisation, seed=7, now=now)
    assert (
        list(Event.objects.order_by("starts_at", "title").values_list("title", flat=True)) == titles
    )
