"""Logging a request, sent twice, logs it once (issue 9 s5, ADR 0007); the second POST lands
where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.subjectaccess.models import SubjectAccessRequest
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def test_the_new_request_form_sent_twice_logs_once(client, world):
    client.force_login(world.personas.data_protection_officer)
    url = reverse("subjectaccess:new")
    page = client.get(url).content.decode()
    (form,) = [f for f in post_forms(page) if f.action in ("", url)]
    today = timezone.localdate()
    data = {
        "reference_code": world.person.reference_code,
        "received_on-day": today.day,
        "received_on-month": today.month,
        "received_on-year": today.year,
        "received_how": "web",
        "requester": "person",
        FIELD: form.values[FIELD],
    }
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert SubjectAccessRequest.objects.count() == 1
