"""The demo's web chats (haven/demodata/webchat.py, stream 22): past chats with transcripts,
one without consent and so without one, and today's bookings with one person waiting; the same
seed builds the same chats, and DEMO_CODE opens today's open booking."""

import pytest
from django.test import Client
from django.utils import timezone

from haven.demodata.webchat import DEMO_CODE, build_demo_webchat, demo_webchat_reset
from haven.portal.models import ChatBooking
from haven.testing.fixtures import profile_contract
from haven.webchat.models import ChatMessage

pytestmark = pytest.mark.django_db


def test_the_demo_builds_past_transcripts_and_todays_waiting_list(personas, client):
    profile_contract("victim-first-2018", personas.organisation)
    now = timezone.now()
    made = build_demo_webchat(organisation=personas.organisation, seed=7, now=now)
    assert made == ChatBooking.objects.count() > 0
    ended = ChatBooking.objects.filter(status="ended")
    assert ended.filter(consent_to_transcript=True, chat_messages__isnull=False).exists()
    assert not ChatMessage.objects.filter(booking__consent_to_transcript=False).exists()
    ids = sorted(str(pk) for pk in ChatBooking.objects.values_list("pk", flat=True))

    client.force_login(personas.caseworker)
    assert "1 person is waiting." in client.get("/chat/staff/").content.decode()
    assert Client().post("/chat/", {"code": DEMO_CODE}).status_code == 302

    demo_webchat_reset(personas.organisation)
    assert not ChatBooking.objects.exists()
    build_demo_webchat(organisation=personas.organisation, seed=7, now=now)
    assert sorted(str(pk) for pk in ChatBooking.objects.values_list("pk", flat=True)) == ids
