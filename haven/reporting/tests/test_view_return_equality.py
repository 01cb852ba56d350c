"""The return page shows the equality analysis' headline and the data-quality exception count
(issue 10 s3-s4: the analysis "shown on the returns page"), from the same load of the records:
its queries do not grow with the referrals."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import case_open_from_referral
from haven.people.models import EqualityData
from haven.reporting.periods import current_period
from haven.reporting.selectors_quality import contract_quality
from haven.reporting.selectors_return import contract_return_with_analyses
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("census_baselines")]


def _referral(personas, contract, religion: str) -> None:
    person = CaseworkPersonFactory(organisation=personas.organisation)
    EqualityData.objects.create(person=person, religion=religion)
    case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )


@pytest.fixture
def world(personas):
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    for religion in ("christian", "christian", "muslim"):
        _referral(personas, contract, religion)
    return contract, current_period(timezone.now(), "quarter", "07-01")


def _page(client, contract, period):
    return client.get(reverse("reporting:return", args=[contract.slug, period.code]))


def test_the_return_shows_access_against_the_baseline_and_links_the_analysis(
    client, personas, world
):
    contract, period = world
    client.force_login(personas.service_manager)
    body = _page(client, contract, period).content.decode()
    assert "Equality summary" in body
    assert reverse("quality:equality", args=[contract.slug, period.code]) in body
    # 2 of 3 referrals Christian (66.7%) against 44.8% of Wokingham (Census 2021 TS030)
    assert "Christian: 66.7% of referrals against 44.8% of Wokingham (+21.9 points)" in body
    assert "3 of 3 referrals" in body  # religion recorded on every referral
    assert "No baseline" in body  # sex: no population figure entered


def test_the_return_shows_the_data_quality_exception_count(client, personas, world):
    contract, period = world
    client.force_login(personas.service_manager)
    expected = contract_quality(contract, period).exception_count
    assert expected > 0  # the factory's people answer religion only
    body = _page(client, contract, period).content.decode()
    assert f"Data quality for this period</a>: {expected} exceptions" in body


def test_the_analyses_come_from_the_records_the_return_counts(world):
    contract, period = world
    seen = contract_return_with_analyses(contract, period)
    religion = seen.equality.table("religion_belief")
    assert religion is not None
    assert religion.referrals == 3
    assert seen.exceptions == contract_quality(contract, period).exception_count


def test_the_pages_queries_do_not_grow_with_the_referrals(client, personas, world):
    contract, period = world
    client.force_login(personas.service_manager)
    _page(client, contract, period)  # warm the caches (sessions, content types)
    with CaptureQueriesContext(connection) as three:
        assert _page(client, contract, period).status_code == 200
    for religion in ("muslim", "christian", "christian", "muslim"):
        _referral(personas, contract, religion)
    with CaptureQueriesContext(connection) as seven:
        body = _page(client, contract, period).content.decode()
    assert "7 of 7 referrals" in body
    assert len(seven.captured_queries) == len(three.captured_queries)
