"""The partner create forms sent twice run once (issue 9 s5, ADR 0007): one referral, one API
token; the second POST lands where the first went."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.partners.models import ApiToken
from haven.partners.tests.test_view_partner_pages import form_data
from haven.referrals.models import Referral
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _token(client, url):
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    return forms[0].values[FIELD]


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


def test_a_partner_referral_sent_twice_is_made_once(client, partner_user):
    client.force_login(partner_user)
    url = reverse("partners:refer", args=["victim-first-2018"])
    _sent_twice(client, url, form_data(), Referral)


def test_a_token_form_sent_twice_makes_one_token(client, personas, police):
    client.force_login(personas.administrator)
    data = {"organisation": str(police.pk), "name": "Synthetic police system", "days": "30"}
    _sent_twice(client, reverse("partners:token_new"), data, ApiToken)
