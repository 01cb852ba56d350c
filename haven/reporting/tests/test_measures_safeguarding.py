"""The safeguarding measures (issue 12) on small hand-built facts, each read from its profile
YAML: Cornwall's SA1-SA3, SA5 (seed 004 s10, quarterly) and SC1-SC8 (seed 004 s10, monthly),
Leicester's CAFs and multi-agency safeguarding meetings (seed 001 Lot 1 s8, Lot 3 s8) and
Wokingham's children de-escalated from a CIN/CP plan (seed 003 s13). The quarter is 1 April to
30 June 2026; the month April 2026."""

from __future__ import annotations

from datetime import date

import pytest

from haven.reporting.engine import compute_measure, context_for
from haven.reporting.facts import (
    ChildRecordFact,
    Facts,
    SafeguardingAlertFact,
    SafeguardingEventFact,
)
from haven.reporting.measures.base import NEEDS, MeasureContext
from haven.reporting.measures.safeguarding import children_on_plan, safeguarding_events
from haven.reporting.periods import parse_period
from haven.reporting.tests.test_measures_contact import BEFORE, NOW, Q1, case, profile, result

APRIL = parse_period("2026-04", "04-01")
CORNWALL = "cornwall-mens-refuge-2021"


def facts(
    events: list[SafeguardingEventFact] = (),  # type: ignore[assignment]
    alerts: list[SafeguardingAlertFact] = (),  # type: ignore[assignment]
    records: list[ChildRecordFact] = (),  # type: ignore[assignment]
) -> Facts:
    case_ids = sorted({r.case_id for r in [*events, *alerts, *records]})
    return Facts(
        cases=[case(c, c, BEFORE) for c in case_ids],
        safeguarding_events=list(events),
        safeguarding_alerts=list(alerts),
        child_records=list(records),
    )


def event(eid, cid, kind, on, attended=None, child=None):
    return SafeguardingEventFact(eid, cid, child, kind, on, attended)


def alert(aid, cid, raised, substantiation="pending", referred=None, relationship=""):
    return SafeguardingAlertFact(aid, cid, raised, substantiation, referred, relationship)


def record(rid, cid, child, cp=(None, None), cin=(None, None), looked_after=(None, None)):
    return ChildRecordFact(rid, cid, child, *cp, *cin, *looked_after)


def monthly(measure_id: str, data: Facts):
    spec = profile(CORNWALL).measure(measure_id)
    assert spec is not None
    assert spec.period == "month"  # seed 004 s10: the children's table is laid out monthly
    return compute_measure(spec, context_for(profile(CORNWALL), data, APRIL, NOW))


def test_every_safeguarding_measure_is_computed_and_declares_the_fact():
    cornwall = profile(CORNWALL)
    for measure_id in ("SA1", "SA2", "SA3", "SA5", "SC1", "SC2", "SC4", "SC5", "SC6", "SC7", "SC8"):
        spec = cornwall.measure(measure_id)
        assert spec is not None
        assert spec.citation == f"seed 004 s10 {measure_id}"
        assert NEEDS[spec.compute or ""] == frozenset({"safeguarding"})
    # SA4 is MARAC attendance (measures/marac.py); SC10 the children of adults in both DA and
    # SV services (issue 16, measures/victimisation.py: household links and onward referrals)
    assert cornwall.measure("SA4").compute == "marac_attendance"
    spec = cornwall.measure("SC10")
    assert spec is not None
    assert spec.compute == "children_of_adults_in_da_and_sv"
    assert NEEDS[spec.compute] == frozenset({"households"})


def _alerts() -> Facts:
    return facts(
        alerts=[
            alert(1, 1, date(2026, 4, 1), "fully", date(2026, 4, 2), "current_partner"),
            alert(2, 2, date(2026, 6, 30), "partially", None, "other_family"),
            alert(3, 3, date(2026, 5, 5), "not_substantiated", date(2026, 7, 1), "other"),
            alert(4, 3, date(2026, 5, 6), "pending", None, ""),
            # raised before the quarter, referred in it: SA3 only
            alert(5, 4, date(2026, 3, 31), "fully", date(2026, 4, 10), "ex_partner"),
            # two alerts on one case count it once in SA5
            alert(6, 1, date(2026, 5, 1), "pending", None, "ex_partner"),
        ]
    )


@pytest.mark.parametrize(
    ("measure_id", "kind", "expected"),
    [
        ("SA1", "safeguarding_alert", [1, 6, 3, 4, 2]),  # raised in the quarter
        ("SA2", "safeguarding_alert", [1, 2]),  # of those, partially or fully substantiated
        ("SA3", "safeguarding_alert", [5, 1]),  # referred to adult safeguarding in the quarter
        ("SA5", "case", [1, 2]),  # cases whose person causing harm is a partner or family
    ],
)
def test_cornwall_safeguarding_adults_alerts_seed_004_s10(measure_id, kind, expected):
    res = result(CORNWALL, measure_id, _alerts())
    assert res.figure.kind == kind
    assert list(res.figure.numerator) == expected


def _events() -> Facts:
    return facts(
        events=[
            event(1, 1, "referral_maru", date(2026, 4, 1), child=11),
            event(2, 1, "referral_maru", date(2026, 4, 30), child=12),
            event(3, 2, "referral_maru", date(2026, 5, 1)),  # May: not April
            event(4, 1, "cp_conference", date(2026, 4, 3), True, 11),
            event(5, 2, "cp_conference", date(2026, 4, 4), False, 21),  # not attended
            event(6, 1, "family_support_meeting", date(2026, 4, 5), True),
            event(7, 1, "tac_meeting", date(2026, 4, 6), False, 11),
            event(8, 2, "tac_meeting", date(2026, 4, 7), True, 21),
            event(9, 2, "tff_identified", date(2026, 4, 8)),
            event(10, 2, "tff_identified", date(2026, 4, 9)),  # the same family again
            event(11, 3, "caf_submitted", date(2026, 4, 20), child=31),
            event(12, 3, "core_group", date(2026, 6, 1), True, 31),
        ]
    )


@pytest.mark.parametrize(
    ("measure_id", "kind", "expected"),
    [
        ("SC1", "safeguarding_event", [1, 2]),  # referrals to the MARU in April
        ("SC5", "safeguarding_event", [4]),  # conferences attended
        ("SC6", "safeguarding_event", [6]),
        ("SC7", "safeguarding_event", [7, 8]),  # TAC meetings, attended or not
        ("SC8", "case", [2]),  # families identified for Together for Families, once
    ],
)
def test_cornwall_safeguarding_children_seed_004_s10_by_month(measure_id, kind, expected):
    res = monthly(measure_id, _events())
    assert res.figure.kind == kind
    assert list(res.figure.numerator) == expected


def test_leicester_cafs_seed_001_lot_1_and_lot_3_s8():
    family = result("leicester-family-2012", "cafs_completed", _events())
    victim = result("leicester-victim-survivor-2012", "caf_submissions", _events())
    assert list(family.figure.numerator) == list(victim.figure.numerator) == [11]


def test_leicester_inputs_into_multi_agency_safeguarding_meetings_seed_001_lot_1_s8():
    res = result("leicester-family-2012", "safeguarding_meeting_inputs", _events())
    # attended meetings of every kind in the quarter: conference, family support, TAC, core group
    assert sorted(res.figure.numerator) == [4, 6, 8, 12]


def _plans() -> Facts:
    return facts(
        records=[
            # on a CP plan through April
            record(1, 1, 11, cp=(date(2026, 1, 1), None)),
            # a CP plan that ended on 1 April: it was in force that day
            record(
                2, 1, 12, cp=(date(2025, 10, 1), date(2026, 4, 1)), cin=(date(2026, 4, 2), None)
            ),
            # started 1 May: not April's
            record(3, 2, 21, cp=(date(2026, 5, 1), None)),
            # the same child on two cases of the contract: once
            record(4, 3, 31, cin=(date(2026, 3, 1), date(2026, 4, 15))),
            record(5, 4, 31, cin=(date(2026, 3, 1), None)),
            # ended before April
            record(6, 4, 41, cin=(date(2025, 1, 1), date(2026, 3, 31))),
        ]
    )


def test_cornwall_children_on_a_child_protection_plan_seed_004_s10_sc2():
    res = monthly("SC2", _plans())
    assert res.figure.kind == "person"
    assert sorted(res.figure.numerator) == [11, 12]


def test_cornwall_children_in_need_seed_004_s10_sc4():
    assert sorted(monthly("SC4", _plans()).figure.numerator) == [12, 31]


def test_wokingham_children_deescalated_from_a_cin_or_cp_plan_seed_003_s13():
    data = facts(
        records=[
            # CP plan ended in the quarter, stepped down to CIN: de-escalated
            record(1, 1, 11, cp=(date(2026, 1, 1), date(2026, 5, 1)), cin=(date(2026, 5, 2), None)),
            # CIN ended in the quarter, no plan after: de-escalated
            record(2, 1, 12, cin=(date(2026, 1, 1), date(2026, 6, 30))),
            # CP plan ended, then looked after the next day: escalated, not de-escalated
            record(
                3,
                2,
                21,
                cp=(date(2026, 1, 1), date(2026, 5, 1)),
                looked_after=(date(2026, 5, 2), None),
            ),
            # still on a CP plan
            record(4, 3, 31, cp=(date(2026, 2, 1), None)),
            # ended before the quarter: not on a plan in it
            record(5, 4, 41, cin=(date(2025, 2, 1), date(2026, 3, 31))),
        ]
    )
    res = result("wokingham-da-2017", "children_deescalated", data)
    assert res.figure.kind == "person"
    assert sorted(res.figure.numerator) == [11, 12]
    assert sorted(res.figure.denominator or ()) == [11, 12, 21, 31]
    assert res.value == 0.5


def test_unknown_parameters_are_errors():
    ctx = MeasureContext(facts=Facts(), period=Q1, now=NOW)
    with pytest.raises(ValueError, match="kinds"):
        safeguarding_events(ctx, kinds=["picnic"])
    with pytest.raises(ValueError, match="plan"):
        children_on_plan(ctx, plan="looked_after")


def test_leicester_referrals_to_duty_and_assessment_cyps_seed_001_lot_1_s14():
    res = result("leicester-family-2012", "referrals_to_cyps", _events())
    # children's social care referrals in the quarter, through the MARU or not
    assert list(res.figure.numerator) == [1, 2, 3]


def test_wokingham_the_childs_voice_heard_seed_003_s13():
    from haven.reporting.facts import HouseholdFact
    from haven.reporting.tests.test_measures_contact import person

    data = Facts(
        persons={1: person(1), 2: person(2)},
        cases=[case(1, 1, BEFORE), case(2, 2, BEFORE)],
        households=[
            HouseholdFact(1, 1, 11, "child", True),
            HouseholdFact(2, 1, 12, "child", True),
            HouseholdFact(3, 2, 21, "child", True),
        ],
        child_records=[
            record(1, 1, 11)._replace(voice_on=date(2026, 6, 30)),  # heard by the quarter's end
            record(2, 1, 12)._replace(voice_on=date(2026, 7, 1)),  # heard after it
            record(3, 2, 21),  # a record without the child's words
        ],
    )
    res = result("wokingham-da-2017", "children_voice_heard", data)
    assert res.figure.denominator == (11, 12, 21)
    assert res.figure.numerator == (11,)
    assert NEEDS["children_voice_heard"] == frozenset({"households", "safeguarding"})
