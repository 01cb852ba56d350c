"""The refuge's create forms sent twice run once (issue 9 s5, ADR 0007): one property, room,
void, stay or extension; the second POST lands where the first went."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.refuge.models import Property, Room, RoomVoid, Stay, StayExtension
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _token(client, url):
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    return forms[0].values[FIELD]


def _day(prefix, day=None):
    day = day or timezone.localdate()
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _moment(prefix, at):
    local = timezone.localtime(at)
    return {**_day(prefix, local.date()), f"{prefix}-hour": local.hour, f"{prefix}-minute": 0}


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


def test_the_property_forms_sent_twice_save_once(client, personas, cornwall, refuge, room):
    client.force_login(personas.service_manager)
    _sent_twice(
        client,
        reverse("refuge:property_add"),
        {"name": "Synthetic Lodge", "kind": "refuge", "takes": "any", "in_commissioner_area": "no"},
        Property,
    )
    _sent_twice(
        client,
        reverse("refuge:room_add", args=[refuge.pk]),
        {"name": "Room 8", "bedrooms": "1"},
        Room,
    )
    _sent_twice(
        client,
        reverse("refuge:void_add", args=[refuge.pk, room.pk]),
        {**_day("starts_on"), "reason": "cleaning"},
        RoomVoid,
    )


def test_the_stay_forms_sent_twice_save_once(client, personas, room, cornwall_case):
    client.force_login(personas.caseworker)
    _sent_twice(
        client,
        reverse("refuge:move_in", args=[cornwall_case.pk]),
        {
            "room": str(room.pk),
            **_moment("moved_in_at", timezone.now() - dt.timedelta(hours=2)),
            "agreement": "licence",
            **_day("agreement_signed_on"),
        },
        Stay,
    )
    stay = Stay.objects.get(case=cornwall_case)
    _sent_twice(
        client,
        reverse("refuge:extend", args=[cornwall_case.pk, stay.pk]),
        {
            "reason": "risk",
            "exit_plan": "Synthetic plan",
            "review_timetable": "Weekly",
            **_day("commissioner_notified_on"),
        },
        StayExtension,
    )
