"""The demo gives the data protection officer items due (reference.md s7 local-practice
defaults CASE+6 and 6+), a legal hold and an erasure request; its reset removes them."""

from __future__ import annotations

import pytest
from django.utils import timezone

from haven.demodata.retention import build_demo_retention, demo_retention_reset
from haven.retention.models import ErasureRequest, LegalHold, RetentionItem

pytestmark = pytest.mark.django_db


def test_the_demo_has_items_due_a_hold_and_a_request(personas, dpo):
    result = build_demo_retention(organisation=personas.organisation, seed=7, now=timezone.now())
    assert result == {"due": 3, "held": 1}
    assert sorted(RetentionItem.objects.values_list("rule_code", flat=True)) == [
        "6+",
        "CASE+6",
        "CASE+6",
    ]
    assert LegalHold.objects.count() == 1
    assert ErasureRequest.objects.count() == 1
    demo_retention_reset(personas.organisation)
    assert not RetentionItem.objects.exists()
    assert not LegalHold.objects.exists()
