"""Every support-session measure (issue 11) run on small hand-built facts: victim-first-2018
(seed 002 Lot 1 s7 "Support provided"), leicester-family-2012 (seed 001 Lot 1 s8),
leicester-victim-survivor-2012 (seed 001 Lot 3 s8) and wokingham-da-2017 (seed 003 s13).

Each test reads the measure from its profile YAML, so the computation and its params are the ones
the return uses, and works the expected value out in a comment. The period is 1 April to 30 June
2026 (British Summer Time; see test_measures_contact for the edges).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from haven.reporting.facts import Facts, NeedsAssessmentFact, SupportSessionFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.measures.sessions import further_support_by_mode, support_hours
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    JUST_BEFORE,
    JUST_INSIDE,
    LAST_MINUTE,
    NOW,
    Q1,
    case,
    profile,
    result,
    value,
)

SESSION_MEASURES = {
    "victim-first-2018": {"telephone_support_only", "some_face_to_face", "some_web_chat"}
    | {"vps_enabled"},
    "leicester-family-2012": {"one_to_one_support_hours"},
    "leicester-victim-survivor-2012": {"telephone_support_hours", "court_sessions"},
    "wokingham-da-2017": {"legal_proceedings_supported"},
}
COMPUTATIONS = {
    "support_hours",
    "support_sessions_count",
    "cases_supported_with",
    "further_support_by_mode",
}


def session(sid: int, cid: int, at: datetime, mode: str, minutes: int = 60, **covered: bool):
    flags = {
        "court_session": mode == "court",
        "specialist_dv_court": False,
        "vps_enabled": False,
        "legal_proceedings_supported": False,
    } | covered
    return SupportSessionFact(sid, cid, at, mode, minutes, **flags)


def assessed(cid: int, at: datetime = BEFORE) -> NeedsAssessmentFact:
    return NeedsAssessmentFact(100 + cid, cid, "initial", at)


def facts(*sessions: SupportSessionFact, assessed_cases: tuple[int, ...] = ()) -> Facts:
    case_ids = sorted({s.case_id for s in sessions} | set(assessed_cases))
    return Facts(
        cases=[case(cid, cid, BEFORE) for cid in case_ids],
        sessions=list(sessions),
        needs_assessments=[assessed(cid) for cid in assessed_cases],
    )


@pytest.mark.parametrize(("slug", "ids"), sorted(SESSION_MEASURES.items()))
def test_the_session_measures_are_computed_by_the_session_computations(slug, ids):
    by_id = {m.id: m for m in profile(slug).measures}
    assert {i for i in ids if by_id[i].compute in COMPUTATIONS} == ids
    assert all(by_id[i].citation.startswith("seed 00") for i in ids)


def test_the_perpetrator_one_to_one_sessions_seed_001_lot_4_s8_are_not_group_or_court():
    # seed 001 Lot 4 s8 "Number of one to one sessions": the perpetrator is the person on the
    # case, so a session with them that is not a group session or a day at court is one-to-one
    data = facts(
        session(1, 1, INSIDE, "face_to_face"),
        session(2, 1, INSIDE, "telephone"),
        session(3, 2, INSIDE, "group"),
        session(4, 2, INSIDE, "court"),
        session(5, 2, JUST_BEFORE, "face_to_face"),
    )
    res = result("leicester-perpetrator-2012", "one_to_one_sessions", data)
    assert (res.figure.kind, res.figure.numerator) == ("support_session", (1, 2))


def test_the_perpetrator_interventions_count_programme_attendance():
    """Seed 001 Lot 4 s8 "interventions": every perpetrator programme session attended, group and
    one-to-one (issue 16, haven/programmes), not one-to-one support sessions alone."""
    measure = profile("leicester-perpetrator-2012").measure("interventions")
    assert measure is not None
    assert measure.compute == "programme_attendances"
    assert measure.missing is None


# --- victim-first-2018, seed 002 s7 "Support provided" ------------------------------------------


def _vf_modes() -> Facts:
    return facts(
        # case 1: telephone only in the quarter (a face-to-face session before it does not count)
        session(1, 1, INSIDE, "telephone"),
        session(2, 1, JUST_INSIDE, "telephone"),
        session(3, 1, JUST_BEFORE, "face_to_face"),
        # case 2: telephone and face to face
        session(4, 2, INSIDE, "telephone"),
        session(5, 2, LAST_MINUTE, "face_to_face"),
        # case 3: web chat and video (video is not face to face)
        session(6, 3, INSIDE, "web_chat"),
        session(7, 3, INSIDE, "video"),
        # case 4: telephone only but no needs assessment: not "further support" (s7)
        session(8, 4, INSIDE, "telephone"),
        # case 5: assessed, but its only session is after the quarter: not supported in it
        session(9, 5, JUST_AFTER, "telephone"),
        assessed_cases=(1, 2, 3, 5),
    )


def test_vf_telephone_support_only_seed_002_s7():
    # further support in the quarter: cases 1, 2, 3 (assessed, a session inside); telephone
    # only: case 1 (its face-to-face session was on 31 March, before the quarter) -> 1 of 3
    res = result("victim-first-2018", "telephone_support_only", _vf_modes())
    assert (res.figure.numerator, res.figure.denominator) == ((1,), (1, 2, 3))
    assert res.value == pytest.approx(1 / 3)


def test_vf_some_face_to_face_seed_002_s7():
    # case 2 (face to face at 23:59 BST on 30 June); case 3's video call is not face to face
    res = result("victim-first-2018", "some_face_to_face", _vf_modes())
    assert (res.figure.numerator, res.figure.denominator) == ((2,), (1, 2, 3))


def test_vf_some_web_chat_seed_002_s7():
    res = result("victim-first-2018", "some_web_chat", _vf_modes())
    assert (res.figure.numerator, res.figure.denominator) == ((3,), (1, 2, 3))


def test_vf_modes_with_no_further_support_have_no_figure():
    assert (
        value("victim-first-2018", "some_web_chat", facts(session(1, 1, INSIDE, "web_chat")))
        is None
    )


def test_vf_vps_enabled_counts_victims_once_seed_002_s7():
    # case 1 twice in the quarter, case 2 once, case 3 only before the quarter -> 2 victims
    data = facts(
        session(1, 1, INSIDE, "face_to_face", vps_enabled=True),
        session(2, 1, LAST_MINUTE, "telephone", vps_enabled=True),
        session(3, 2, JUST_INSIDE, "court", vps_enabled=True),
        session(4, 3, JUST_BEFORE, "face_to_face", vps_enabled=True),
        session(5, 4, INSIDE, "face_to_face"),
    )
    res = result("victim-first-2018", "vps_enabled", data)
    assert (res.figure.kind, res.figure.numerator, res.value) == ("case", (1, 2), 2)


# --- Leicester, seed 001 s8 outputs --------------------------------------------------------------


def _hours() -> Facts:
    return facts(
        session(1, 1, INSIDE, "telephone", 45),
        session(2, 1, JUST_INSIDE, "telephone", 30),
        session(3, 2, INSIDE, "face_to_face", 90),
        session(4, 2, INSIDE, "group", 120),
        session(5, 3, LAST_MINUTE, "court", 360, specialist_dv_court=True),
        session(6, 3, INSIDE, "web_chat", 20),
        session(7, 3, JUST_BEFORE, "telephone", 600),  # before the quarter
        session(8, 3, JUST_AFTER, "face_to_face", 600),  # after it
    )


def test_leicester_family_one_to_one_support_hours_seed_001_lot1_s8():
    # every mode but group, in the quarter: 45 + 30 + 90 + 360 + 20 = 545 minutes = 9.08 hours
    res = result("leicester-family-2012", "one_to_one_support_hours", _hours())
    assert res.figure.kind == "support_session"
    assert set(res.figure.numerator) == {1, 2, 3, 5, 6}
    assert res.value == 9.08


def test_leicester_victim_survivor_telephone_support_hours_seed_001_lot3_s8():
    # telephone in the quarter: 45 + 30 = 75 minutes = 1.25 hours (the 600 minutes on 31 March
    # fall before it)
    assert value("leicester-victim-survivor-2012", "telephone_support_hours", _hours()) == 1.25


def test_leicester_victim_survivor_court_sessions_include_sdvc_seed_001_lot3_s8():
    # "court sessions attended (including SDVC)": session 5 at court (an SDVC), and session 9 a
    # telephone session recorded as a court session; session 10 at court after the quarter
    data = facts(
        *_hours().sessions,
        session(9, 4, INSIDE, "telephone", court_session=True),
        session(10, 4, JUST_AFTER, "court"),
    )
    res = result("leicester-victim-survivor-2012", "court_sessions", data)
    assert (set(res.figure.numerator), res.value) == ({5, 9}, 2)


# --- wokingham-da-2017, seed 003 s13 -------------------------------------------------------------


def test_wokingham_legal_proceedings_supported_counts_people_once_seed_003_s13():
    data = facts(
        session(1, 1, INSIDE, "face_to_face", legal_proceedings_supported=True),
        session(2, 1, INSIDE, "court", legal_proceedings_supported=True),
        session(3, 2, INSIDE, "telephone"),
        session(4, 3, JUST_BEFORE, "court", legal_proceedings_supported=True),
    )
    res = result("wokingham-da-2017", "legal_proceedings_supported", data)
    assert (res.figure.numerator, res.value) == ((1,), 1)


# --- the computations' arguments -----------------------------------------------------------------


def _ctx(data: Facts) -> MeasureContext:
    return MeasureContext(facts=data, period=Q1, now=NOW)


def test_hours_of_nothing_are_zero():
    assert support_hours(_ctx(facts()), modes=["telephone"]).value == 0


@pytest.mark.parametrize("params", [{"modes": ["post"]}, {"modes": []}])
def test_unknown_modes_are_refused(params: dict[str, Any]):
    with pytest.raises(ValueError, match="modes must be"):
        support_hours(_ctx(facts()), **params)


def test_an_unknown_mode_of_support_is_refused():
    with pytest.raises(ValueError, match="modes must be"):
        further_support_by_mode(_ctx(facts()), mode="carrier_pigeon")
