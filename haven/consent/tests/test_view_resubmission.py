"""The consent and agreement forms sent twice save once (issue 9 s5, ADR 0007)."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.consent.models import Consent, SharingAgreement
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _twice(client, url, data):
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    data = data | {FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def _today(name):
    today = timezone.localdate()
    return {f"{name}-day": today.day, f"{name}-month": today.month, f"{name}-year": today.year}


def test_the_consent_form_sent_twice_records_once(client, personas, person):
    client.force_login(personas.caseworker)
    _twice(
        client,
        reverse("consent:record", args=[person.pk]),
        {"kind": "support", "how_given": "verbal"} | _today("given_on"),
    )
    assert Consent.objects.count() == 1


def test_the_agreement_form_sent_twice_adds_once(client, personas):
    client.force_login(personas.service_manager)
    today = timezone.localdate()
    _twice(
        client,
        reverse("consent:agreement_new"),
        {
            "partner": "Synthetic Police",
            "purpose": "MARAC referrals",
            "art6_basis": "e_public_task",
            "art9_condition": "sch1_18",
            "status": "active",
            "review_on-day": today.day,
            "review_on-month": today.month,
            "review_on-year": today.year + 1,
        },
    )
    assert SharingAgreement.objects.count() == 1
