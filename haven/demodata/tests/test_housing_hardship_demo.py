"""The demo's Safe Home housing (seed 001 Lot 2 s8, s14) and Victim First hardship grants (seed
002 s3.8), issue 13: rows that follow the services' rules, their timeline entries pointing at
them, and funds never overdrawn."""

from __future__ import annotations

import pytest
from django.db.models import Sum
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.hardship.models import GrantStatus, HardshipFund, HardshipGrant
from haven.housing.models import HousingSituation, SafeHomeOutcome

pytestmark = pytest.mark.django_db


def test_safe_home_cases_have_housing_and_outcomes(provider):  # noqa: F811
    situations = HousingSituation.objects.select_related("case__contract")
    assert situations.exists()
    assert {s.case.contract.slug for s in situations} == {"leicester-safehome-2012"}
    for situation in situations:
        closed = situation.case.state == CaseState.CLOSED
        assert bool(situation.exit_tenure) == closed
        if situation.exit_destination == "new_settled_home":
            assert situation.settled_on is not None
            assert situation.left_home_on is None or situation.settled_on >= situation.left_home_on
        assert CaseEvent.objects.filter(kind="housing_entry", object_id=str(situation.pk)).exists()
    outcomes = SafeHomeOutcome.objects.select_related("case")
    assert outcomes.exists()
    for outcome in outcomes:
        assert outcome.achieved_on >= timezone.localdate(outcome.case.opened_at)
        assert outcome.kind != "other" or outcome.detail


def test_victim_first_hardship_grants_stay_within_the_fund(provider):  # noqa: F811
    funds = HardshipFund.objects.select_related("contract")
    assert {f.contract.slug for f in funds} == {"victim-first-2018"}
    assert all(f.budget_pence == 500_000 for f in funds)  # seed 002 s3.8: £5k a year
    for fund in funds:
        approved = fund.grants.filter(status=GrantStatus.APPROVED).aggregate(t=Sum("amount_pence"))
        assert (approved["t"] or 0) <= fund.budget_pence
    grants = HardshipGrant.objects.all()
    assert grants.exists()
    for grant in grants:
        assert grant.decided_by_id != grant.requested_by_id
        assert grant.paid_on is None or grant.status == GrantStatus.APPROVED
        assert CaseEvent.objects.filter(
            kind="hardship_grant_requested", object_id=str(grant.pk), case_id=grant.case_id
        ).exists()
