"""`exception_count(contract, period)` for sign-off (issue 10 s3): missing and implausible
values of the return, counted over every record of the contract in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.casework.services import case_open_from_referral
from haven.reporting.periods import current_period
from haven.reporting.quality import exception_count
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db

# The equality analysis' fields are always checked: the eight answers, on the referral and on the
# open case (adult questions too, the factory's people are adults); the catalogue's breakdowns
# may ask for more.
EQUALITY_ANSWERS = 8


def _open(personas, contract):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    return case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )


def test_exception_count_and_its_queries_do_not_grow_with_the_cases(personas):
    contract = profile_contract("victim-first-2018", personas.organisation)
    period = current_period(timezone.now(), "quarter", "04-01")
    _open(personas, contract)
    with CaptureQueriesContext(connection) as one:
        per_case = exception_count(contract, period)
    assert per_case >= 2 * EQUALITY_ANSWERS
    _open(personas, contract)
    _open(personas, contract)
    with CaptureQueriesContext(connection) as three:
        assert exception_count(contract, period) == 3 * per_case
    assert len(three.captured_queries) == len(one.captured_queries)
