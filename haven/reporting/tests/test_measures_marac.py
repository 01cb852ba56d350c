"""The MARAC measures (issue 12) on small hand-built facts: leicester-victim-survivor-2012
`marac_referrals` (seed 001 Lot 3 s8 "Number of MARAC referrals made"), cornwall A7 (seed 004
s10 "Number of referrals to MARAC") and SA4 (seed 004 s10 "Attendance at MARAC", s6.7), and the
SafeLives-shaped quarterly set (cases heard, repeat share, referrals by agency). The period is
1 April to 30 June 2026."""

from __future__ import annotations

from datetime import date

from haven.reporting.facts import Facts, MaracHearingFact, MaracIncidentFact, MaracReferralFact
from haven.reporting.measures.base import NEEDS, MeasureContext
from haven.reporting.measures.marac import marac_cases_heard, marac_referrals, marac_repeat_share
from haven.reporting.tests.test_measures_contact import BEFORE, NOW, Q1, case, profile, result


def referral(rid, cid, on, agency="idva", repeat=False):
    return MaracReferralFact(rid, cid, "area", on, agency, repeat, ["visible_high_risk"])


def hearing(hid, cid, on, repeat=False, represented=True, agency="police", meeting="m1"):
    return MaracHearingFact(hid, cid, hid, meeting, "area", on, repeat, agency, represented, True)


def facts(referrals=(), hearings=()) -> Facts:
    ids = sorted({r.case_id for r in [*referrals, *hearings]})
    return Facts(
        cases=[case(c, c, BEFORE) for c in ids],
        marac_referrals=list(referrals),
        marac_hearings=list(hearings),
    )


def ctx(data: Facts) -> MeasureContext:
    return MeasureContext(facts=data, period=Q1, now=NOW)


REFERRALS = (
    referral(1, 1, date(2026, 4, 1)),
    referral(2, 2, date(2026, 6, 30), agency="police", repeat=True),
    referral(3, 3, date(2026, 3, 31)),  # before the quarter
    referral(4, 4, date(2026, 7, 1)),  # after it
)


def test_the_measures_are_computed_and_read_the_marac_facts():
    leicester = profile("leicester-victim-survivor-2012").measure("marac_referrals")
    a7 = profile("cornwall-mens-refuge-2021").measure("A7")
    sa4 = profile("cornwall-mens-refuge-2021").measure("SA4")
    assert (leicester.compute, leicester.citation) == ("marac_referrals", "seed 001 Lot 3 s8")
    assert (a7.compute, a7.citation) == ("marac_referrals", "seed 004 s10 A7")
    assert (sa4.compute, sa4.citation) == ("marac_attendance", "seed 004 s10 SA4")
    assert NEEDS["marac_referrals"] == frozenset({"marac"})


def test_seed_001_lot_3_s8_referrals_made_in_the_quarter_repeats_included():
    res = result("leicester-victim-survivor-2012", "marac_referrals", facts(REFERRALS))
    assert res.figure.kind == "marac_referral"
    assert (res.figure.numerator, res.value) == ((1, 2), 2)


def test_seed_004_s10_a7_referrals_to_marac_in_the_quarter():
    assert result("cornwall-mens-refuge-2021", "A7", facts(REFERRALS)).value == 2


def test_referrals_by_referring_agency_and_repeats_only():
    data = ctx(facts(REFERRALS))
    assert marac_referrals(data, agencies=["police"]).numerator == (2,)
    assert marac_referrals(data, repeat=True).numerator == (2,)
    assert marac_referrals(data, repeat=False).numerator == (1,)


HEARINGS = (
    hearing(1, 1, date(2026, 4, 2), repeat=True),
    hearing(2, 2, date(2026, 5, 2), represented=False, agency="idva"),
    hearing(3, 1, date(2026, 6, 2)),  # the same case heard again: counted again
    hearing(4, 4, date(2026, 7, 2), repeat=True),  # after the quarter
)


def test_seed_004_s10_sa4_cases_heard_in_the_quarter_where_the_service_represented():
    res = result("cornwall-mens-refuge-2021", "SA4", facts(hearings=HEARINGS))
    assert res.figure.kind == "marac_hearing"
    assert (res.figure.numerator, res.value) == ((1, 3), 2)


def test_reference_s2_cases_heard_count_repeats_and_the_repeat_share():
    data = ctx(facts(hearings=HEARINGS))
    assert marac_cases_heard(data).numerator == (1, 2, 3)
    assert marac_cases_heard(data, agencies=["idva"]).numerator == (2,)
    share = marac_repeat_share(data)
    assert (share.numerator, share.denominator) == ((1,), (1, 2, 3))
    assert share.value == 1 / 3
    assert marac_repeat_share(ctx(facts())).value is None


def test_a_marac_referral_and_a_case_heard_drill_down_to_their_case():
    from haven.reporting.presenters import KIND_LABELS, locate

    data = facts(REFERRALS, HEARINGS)
    (referral_located,) = locate(data, "marac_referral", [2])
    (hearing_located,) = locate(data, "marac_hearing", [3])
    assert referral_located.case.id == 2
    assert hearing_located.case.id == 1
    assert KIND_LABELS["marac_referral"] == "MARAC referral"


def test_seed_001_lot_4_s8_repeat_incidents_are_the_incidents_recorded_in_the_quarter():
    # seed 001 Lot 4 s8 "Number of repeat incidents of DV": incidents recorded on the
    # programme's cases after their referral, placed by the day they occurred
    incidents = [
        MaracIncidentFact(1, 1, date(2026, 4, 1), False),
        MaracIncidentFact(2, 1, date(2026, 6, 30), True),
        MaracIncidentFact(3, 2, date(2026, 3, 31), False),  # before the quarter
        MaracIncidentFact(4, 2, date(2026, 7, 1), False),  # after it
    ]
    data = Facts(cases=[case(1, 1, BEFORE), case(2, 2, BEFORE)], marac_incidents=incidents)
    res = result("leicester-perpetrator-2012", "repeat_incidents", data)
    assert res.figure.kind == "incident"
    assert (res.figure.numerator, res.value) == ((1, 2), 2)
    assert profile("leicester-perpetrator-2012").measure("repeat_incidents").citation == (
        "seed 001 Lot 4 s8"
    )


def test_seed_001_lot_4_s8_multi_agency_meetings_attended_about_the_client():
    meetings = profile("leicester-perpetrator-2012").measure("multi_agency_meetings")
    assert meetings.compute == "safeguarding_events"
    assert meetings.params["attended"] is True
