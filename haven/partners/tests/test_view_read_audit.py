"""The partner home lists referrals (status only): showing it writes one 'Viewed' event naming
the referrals shown, in that request (issue 9 s5)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.partners.tests.conftest import referral_body

pytestmark = pytest.mark.django_db


def test_the_partner_home_audits_the_referrals_it_shows(client, partner_user, api_headers):
    import json

    created = client.post(
        "/api/v1/contracts/victim-first-2018/referrals",
        data=json.dumps(referral_body()),
        content_type="application/json",
        headers=api_headers,
    ).json()
    client.force_login(partner_user)
    assert client.get(reverse("partners:home")).status_code == 200
    event = AuditEvent.objects.filter(actor=partner_user, action=AuditAction.VIEW).get()
    assert event.changes["page"] == "partners:home"
    assert event.changes["shown"] == [created["id"]]
