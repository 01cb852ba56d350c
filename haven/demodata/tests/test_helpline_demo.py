"""The demo's helpline (issue 16 item 4): two years of calls at a few a day, call-backs whose
done ones answer their voicemails, and a rota in the opening hours; built from its own random
stream, the same each time, in bulk."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from haven.demodata.helpline import build_demo_helpline, demo_helpline_reset
from haven.helpline.hours import helpline_hours
from haven.helpline.models import CallBack, HelplineCall, Shift
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_two_years_of_calls_call_backs_and_a_rota(personas):
    wokingham = profile_contract("wokingham-da-2017", personas.organisation)
    vf = profile_contract("victim-first-2018", personas.organisation)
    started = time.perf_counter()
    made = build_demo_helpline(organisation=personas.organisation, seed=7, now=NOW)
    assert time.perf_counter() - started < 20
    calls = HelplineCall.objects.filter(contract=wokingham)
    # seed 003 s4: a few calls a day (857 in 2015/16)
    assert 1200 < calls.count() < 2600
    assert made == HelplineCall.objects.count()
    assert not HelplineCall.objects.filter(consent_to_record=False, case__isnull=False).exists()
    hours = helpline_hours(vf)
    for call in HelplineCall.objects.filter(contract=vf)[:200]:
        assert call.out_of_hours == (not hours.is_open(call.started_at))
        assert call.started_at < NOW
    for item in CallBack.objects.filter(status="done", call__answered_live=False)[:100]:
        assert item.call.answered_at == item.closed_at
    assert CallBack.objects.filter(status="due").exists()
    assert Shift.objects.filter(contract=vf).exists()
    first = sorted(HelplineCall.objects.values_list("id", flat=True))[:5]
    demo_helpline_reset(personas.organisation)
    assert not HelplineCall.objects.exists()
    build_demo_helpline(organisation=personas.organisation, seed=7, now=NOW)
    assert sorted(HelplineCall.objects.values_list("id", flat=True))[:5] == first
