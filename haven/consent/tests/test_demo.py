"""The demo's consents and shares (issue 15: "The demo includes consents, shares")."""

import os
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command

from haven.consent.models import Consent, Share, SharingAgreement
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)


def _demo(**options):
    with time_machine.travel(NOW, tick=False), open(os.devnull, "w") as out:
        call_command("demo", scale=0.01, seed=20261126, stdout=out, **options)


def test_the_demo_has_consents_a_withdrawal_shares_and_agreements():
    _demo()
    assert Consent.objects.filter(kind="confidentiality").exists()  # seed 004 s11.1
    assert Consent.objects.filter(withdrawn_on__isnull=False).count() == 1
    # reference.md s7: a share without consent on the safeguarding condition, with its reason
    without = Share.objects.filter(basis="safeguarding", consent__isnull=True)
    assert without.exists()
    assert not without.filter(reason="").exists()
    assert Share.objects.filter(basis="consent", consent__isnull=False).exists()
    assert set(Share.objects.values_list("kind", flat=True)) >= {"marac_referral"}
    assert SharingAgreement.objects.count() == 4
    share = Share.objects.first()
    assert AuditEvent.objects.filter(object_id=str(share.pk), action="create").exists()
    counts = (Consent.objects.count(), Share.objects.count())
    _demo(reset=True)
    assert (Consent.objects.count(), Share.objects.count()) == counts
    assert SharingAgreement.objects.count() == 4
