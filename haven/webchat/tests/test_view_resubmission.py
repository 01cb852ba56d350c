"""A caseworker's chat message form sent twice sends one message (issue 9 s5, ADR 0007): the
second POST with the same one-time token lands where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.testing.html_forms import post_forms
from haven.webchat.models import ChatMessage

pytestmark = pytest.mark.django_db


def test_a_message_sent_twice_is_sent_once(client, personas, booking):
    client.force_login(personas.caseworker)
    client.post(reverse("webchat:staff_take", args=[booking.pk]))
    url = reverse("webchat:staff_chat", args=[booking.pk])
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    data = {"body": "Are you safe to talk?", FIELD: forms[0].values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302
    list(get_messages(first.wsgi_request))
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert ChatMessage.objects.filter(booking=booking).count() == 1
