"""Who sessions were with, when and how often (issue 11), on hand-built facts: leicester-family
(seed 001 Lot 1 s8 "Parents and carers engage in support", "children and young people accessing
service (detail by service element)"), leicester-victim-survivor (seed 001 Lot 3 s8 "'out of
hours' (not 9am-5pm) interventions") and wokingham (seed 003 s14 "over what duration or
frequency that person uses this service"). The period is 1 April to 30 June 2026 (BST)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from haven.reporting.facts import Facts, SupportSessionFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.session_patterns import children_by_element
from haven.reporting.tests.test_measures_contact import BEFORE, INSIDE, NOW, Q1, case, result

FAMILY = "leicester-family-2012"


def session(sid, cid, at, mode="face_to_face", with_whom="survivor"):
    return SupportSessionFact(
        sid, cid, at, mode, 60, mode == "court", False, False, False, with_whom
    )


def test_parents_and_carers_engage_seed_001_lot_1_s8_of_the_cases_open():
    data = Facts(
        cases=[
            case(1, 1, BEFORE),
            case(2, 2, BEFORE),
            case(3, 3, BEFORE),
            # closed before the quarter: not in the denominator
            case(4, 4, BEFORE, closed_at=datetime(2026, 3, 20, tzinfo=UTC)),
        ],
        sessions=[
            session(1, 1, INSIDE, with_whom="parent_carer"),
            session(2, 2, INSIDE, with_whom="child"),
            session(3, 3, BEFORE, with_whom="parent_carer"),  # before the quarter
        ],
    )
    res = result(FAMILY, "parents_carers_engage_in_support", data)
    assert (res.figure.numerator, res.figure.denominator) == ((1,), (1, 2, 3))


def _children() -> Facts:
    return Facts(
        cases=[case(c, c, BEFORE) for c in (1, 2, 3)],
        sessions=[
            session(1, 1, INSIDE, "face_to_face"),
            session(2, 2, INSIDE, "group", with_whom="child"),
            session(3, 3, INSIDE, "telephone", with_whom="parent_carer"),  # not with the child
        ],
    )


def test_children_accessing_seed_001_lot_1_s8_counts_sessions_with_the_child():
    res = result(FAMILY, "cyp_accessing_by_service_element", _children())
    assert sorted(res.figure.numerator) == [1, 2]


@pytest.mark.parametrize(("element", "cases"), [("one_to_one", (1,)), ("group", (2,))])
def test_children_accessing_by_element(element, cases):
    ctx = MeasureContext(facts=_children(), period=Q1, now=NOW)
    assert children_by_element(ctx, element=element).numerator == cases


def test_out_of_hours_seed_001_lot_3_s8_is_not_9am_to_5pm_uk_time():
    data = Facts(
        cases=[case(1, 1, BEFORE)],
        sessions=[
            session(1, 1, datetime(2026, 5, 5, 7, 59, tzinfo=UTC)),  # 08:59 BST: out
            session(2, 1, datetime(2026, 5, 5, 8, 0, tzinfo=UTC)),  # 09:00 BST: in
            session(3, 1, datetime(2026, 5, 5, 15, 59, tzinfo=UTC)),  # 16:59 BST: in
            session(4, 1, datetime(2026, 5, 5, 16, 0, tzinfo=UTC)),  # 17:00 BST: out
            session(5, 1, datetime(2026, 5, 9, 10, 0, tzinfo=UTC)),  # Saturday 11:00: in hours
        ],
    )
    res = result("leicester-victim-survivor-2012", "out_of_hours_interventions", data)
    assert res.figure.numerator == (1, 4)


def test_frequency_of_use_seed_003_s14_is_sessions_a_month_averaged_over_cases():
    data = Facts(
        cases=[
            case(1, 1, BEFORE),  # open all quarter (91 days, 2.99 months): 3 sessions
            case(2, 2, datetime(2026, 6, 29, 12, tzinfo=UTC)),  # opened at the end: a week
            case(3, 3, BEFORE),  # no session in the quarter: not counted
        ],
        sessions=[
            session(1, 1, INSIDE),
            session(2, 1, INSIDE),
            session(3, 1, INSIDE),
            session(4, 2, datetime(2026, 6, 30, 9, tzinfo=UTC)),
        ],
    )
    res = result("wokingham-da-2017", "frequency_of_use", data)
    month = 365.25 / 12
    assert res.figure.amounts == pytest.approx({1: 3 / (91 / month), 2: 1 / (7 / month)})
    assert res.value == round((3 / (91 / month) + 1 / (7 / month)) / 2, 1)
