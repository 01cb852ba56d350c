"""The demo's issue 16 leftovers: types of disability only for people who consider themselves
disabled and an immigration status (seed 004 appendix 1 E10-E13, seed 001 s6), and clients of
Cornwall's service also in a sexual violence service with children at home (seed 004 s10 SC10)."""

from __future__ import annotations

import pytest

from haven.casework.models import CaseEvent, OnwardReferral
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.people.models import EqualityData, HouseholdLink

pytestmark = pytest.mark.django_db


def test_the_demo_records_types_statuses_and_sexual_violence_referrals(provider):  # noqa: F811
    typed = [e for e in EqualityData.objects.all() if e.disability_types]
    assert typed
    assert all(e.disability == "yes" for e in typed)
    statuses = set(EqualityData.objects.values_list("immigration_status", flat=True))
    assert {"british_irish", "refugee"} <= statuses
    referrals = OnwardReferral.objects.filter(agency_type="sexual_violence").select_related(
        "case__contract"
    )
    assert referrals.exists()
    for referral in referrals:
        assert referral.case.contract.slug == "cornwall-mens-refuge-2021"
        assert referral.outcome == "accepted"
        assert referral.outcome_at > referral.made_at
        assert HouseholdLink.objects.filter(
            person_id=referral.case.person_id, lives_with_person=True
        ).exists()
        assert CaseEvent.objects.filter(
            kind="onward_referral", object_id=str(referral.pk), case_id=referral.case_id
        ).exists()
