"""The send form sent twice sends once (issue 9 s5, ADR 0007): one message, one Notify call,
one contact attempt; the second POST lands where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from haven.casework.models import ContactAttempt
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.outbox.models import Message
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def test_the_send_form_sent_twice_sends_once(client, personas, vf_case, fake_notify):
    case = vf_case()
    client.force_login(personas.caseworker)
    url = reverse("outbox:send", args=[case.pk])
    page = client.get(url, {"message": "first_contact:email"}).content.decode()
    (form,) = [f for f in post_forms(page) if f.action in ("", url)]
    data = {"message": "first_contact:email", FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert Message.objects.filter(case=case).count() == 1
    assert len(fake_notify.sent) == 1
    assert ContactAttempt.objects.filter(case=case).count() == 1
