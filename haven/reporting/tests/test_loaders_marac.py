"""MARAC referrals and cases heard in a return: loaded only when a measure reads them, in the
window by their dates, and counted by Cornwall's A7 and SA4 (seed 004 s10)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.marac.models import MaracArea, MaracHearing, MaracMeeting, MaracReferral
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1, cases

pytestmark = pytest.mark.django_db
RECORDED = datetime(2026, 5, 1, tzinfo=UTC)


def _referral(case, area, user, on, repeat=False):
    return MaracReferral.objects.create(
        case=case,
        area=area,
        referred_on=on,
        referring_agency="idva",
        criteria=["visible_high_risk"],
        consent=True,
        victim_aware=True,
        is_repeat=repeat,
        referred_by=user,
        recorded_at=RECORDED,
    )


def _heard(referral, area, user, on, represented=True):
    meeting, _ = MaracMeeting.objects.get_or_create(
        area=area,
        held_on=on,
        defaults={"idva_attended": True, "recorded_by": user, "recorded_at": RECORDED},
    )
    return MaracHearing.objects.create(
        meeting=meeting,
        referral=referral,
        idva_represented=represented,
        recorded_by=user,
        recorded_at=RECORDED,
    )


def test_referrals_and_hearings_load_as_facts_in_the_window(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    area = MaracArea.objects.create(organisation=contract.provider, name="Cornwall")
    first, second = cases(contract, 2)
    inside = _referral(first, area, personas.caseworker, date(2026, 5, 3), repeat=True)
    _referral(second, area, personas.caseworker, date(2026, 3, 3))  # before the window
    hearing = _heard(inside, area, personas.caseworker, date(2026, 5, 20))
    facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset({"marac"}))
    (loaded,) = facts.marac_referrals
    assert (loaded.id, loaded.case_id, loaded.is_repeat) == (inside.id, first.id, True)
    (heard,) = facts.marac_hearings
    assert (heard.id, heard.case_id, heard.held_on, heard.is_repeat) == (
        hearing.id,
        first.id,
        date(2026, 5, 20),
        True,
    )


def test_they_are_read_only_when_wanted(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"marac"})) == queries(frozenset()) + 3  # referrals, heard, incidents


def test_seed_004_s10_cornwall_counts_referrals_and_attendance(contract_for, personas):
    contract = contract_for("cornwall-mens-refuge-2021")
    area = MaracArea.objects.create(organisation=contract.provider, name="Cornwall")
    first, second = cases(contract, 2)
    one = _referral(first, area, personas.caseworker, date(2026, 4, 10))
    two = _referral(second, area, personas.caseworker, date(2026, 5, 10))
    _heard(one, area, personas.caseworker, date(2026, 5, 20))
    _heard(two, area, personas.caseworker, date(2026, 5, 20), represented=False)
    returned = contract_return(contract, Q1, now=NOW)
    assert returned.measure("A7").value == 2
    assert returned.measure("SA4").value == 1
