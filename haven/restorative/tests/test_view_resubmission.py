"""The restorative justice referral sent twice runs once (issue 9 s5, ADR 0007); the second
POST lands where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.restorative.models import RestorativeProcess
from haven.restorative.tests.views_helpers import refer_url
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def test_the_referral_sent_twice_saves_once(client, vf_case, personas):
    client.force_login(personas.caseworker)
    url = refer_url(vf_case)
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    today = timezone.localdate()
    data = {
        FIELD: forms[0].values[FIELD],
        "victim_requested": "yes",
        "requested_on-day": today.day,
        "requested_on-month": today.month,
        "requested_on-year": today.year,
        "offender_admitted": "yes",
        "contact_type": "call",
        "sensitive_offence": "none",
        "facilitator": str(personas.caseworker.pk),
    }
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert RestorativeProcess.objects.count() == 1
