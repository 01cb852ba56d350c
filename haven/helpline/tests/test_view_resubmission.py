"""The helpline's create forms sent twice run once (ADR 0007): one call (with its call-back) and
one shift; the second POST lands where the first went."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.helpline.models import CallBack, HelplineCall, Shift
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _token(client, url):
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    return forms[0].values[FIELD]


def _moment(prefix, at):
    local = timezone.localtime(at)
    return {
        f"{prefix}-day": local.day,
        f"{prefix}-month": local.month,
        f"{prefix}-year": local.year,
        f"{prefix}-hour": local.hour,
        f"{prefix}-minute": local.minute,
    }


def _sent_twice(client, url, data, model):
    before = model.objects.count()
    data = {**data, FIELD: _token(client, url)}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert model.objects.count() == before + 1


def test_a_call_with_a_call_back_sent_twice_is_logged_once(client, personas, wokingham):
    client.force_login(personas.caseworker)
    now = timezone.now()
    _sent_twice(
        client,
        reverse("helpline:shift"),
        {
            "contract": str(wokingham.pk),
            **_moment("started_at", now - timedelta(minutes=10)),
            "direction": "in",
            "answered": "live",
            "caller_type": "victim",
            "kind": "support",
            "duration_minutes": "9",
            "outcomes": ["call_back_booked"],
            **_moment("call_back_due", now + timedelta(hours=3)),
            "call_back_phone": "07700 900777",
            "may_leave_message": "yes",
        },
        HelplineCall,
    )
    assert CallBack.objects.count() == 1


def test_a_shift_sent_twice_is_added_once(client, personas, victim_first):
    client.force_login(personas.team_leader)
    start = timezone.now().replace(minute=0) + timedelta(days=1)
    _sent_twice(
        client,
        reverse("helpline:shift_new", args=[victim_first.pk]),
        {
            "staff": str(personas.caseworker.pk),
            **_moment("starts_at", start),
            **_moment("ends_at", start + timedelta(hours=4)),
        },
        Shift,
    )
