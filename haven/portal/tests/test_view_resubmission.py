"""The front door's create forms sent twice run once (issue 9 s5, ADR 0007): one self-referral,
one quick question; the second POST lands where the first went."""

import pytest
from django.urls import reverse

from haven.core.form_tokens import FIELD
from haven.portal.models import QuickQuestion
from haven.portal.tests.test_views_refer import ABOUT, SAFETY
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
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert model.objects.count() == before + 1


def test_a_self_referral_sent_twice_is_one_referral(client, wokingham):
    client.post(reverse("portal:refer", args=[wokingham.slug]), SAFETY)
    client.post(reverse("portal:refer_about", args=[wokingham.slug]), ABOUT)
    _sent_twice(client, reverse("portal:refer_check", args=[wokingham.slug]), {}, Referral)


def test_a_quick_question_sent_twice_is_one_question(client, victim_first):
    url = reverse("portal:ask", args=[victim_first.slug])
    _sent_twice(client, url, {"question": "Is it free?"}, QuickQuestion)
