"""The legal proceedings measures (issue 11) on small hand-built facts: opcc-dv360
`successful_prosecutions` (seed 000 s6 "Victim is safer: the number of successful prosecutions")
and leicester-perpetrator-2012 `justice_involvement` (seed 001 Lot 4 s14 "criminal and civil
justice system involvement"). Each reads its measure from the profile YAML. The period is
1 April to 30 June 2026."""

from __future__ import annotations

from datetime import date

import pytest

from haven.reporting.facts import Facts, ProceedingFact
from haven.reporting.measures.base import NEEDS, MeasureContext
from haven.reporting.measures.proceedings import justice_involvement
from haven.reporting.tests.test_measures_contact import BEFORE, NOW, Q1, case, profile, result


def proceeding(
    pid: int,
    cid: int,
    kind: str,
    started: date,
    outcome: str = "",
    on: date | None = None,
) -> ProceedingFact:
    status = "concluded" if outcome and outcome != "charged" else "ongoing"
    return ProceedingFact(pid, cid, kind, "magistrates", False, started, status, outcome, on)


def facts(*proceedings: ProceedingFact) -> Facts:
    case_ids = sorted({p.case_id for p in proceedings})
    return Facts(cases=[case(c, c, BEFORE) for c in case_ids], proceedings=list(proceedings))


def test_the_measures_are_computed_and_cite_their_seed():
    dv360 = profile("opcc-dv360").measure("successful_prosecutions")
    perpetrator = profile("leicester-perpetrator-2012").measure("justice_involvement")
    assert dv360 is not None
    assert perpetrator is not None
    assert (dv360.compute, dv360.citation) == ("proceedings_successful_prosecutions", "seed 000 s6")
    assert (perpetrator.compute, perpetrator.citation) == (
        "proceedings_justice_involvement",
        "seed 001 Lot 4 s14",
    )
    assert NEEDS["proceedings_successful_prosecutions"] == frozenset({"proceedings"})


def test_the_victim_survivor_exit_forms_by_type_is_not_a_proceedings_measure():
    # seed 001 Lot 3 s8 "exit forms (specify criminal justice and standard)": the exit form
    # type belongs to the intake and exit monitoring part, not to legal proceedings
    measure = profile("leicester-victim-survivor-2012").measure("exit_forms_by_type")
    assert measure is not None
    assert not (measure.compute or "").startswith("proceedings_")


def test_dv360_successful_prosecutions_seed_000_s6_are_convictions_in_the_quarter():
    data = facts(
        proceeding(1, 1, "criminal_prosecution", date(2026, 1, 5), "guilty_plea", date(2026, 4, 1)),
        proceeding(
            2, 2, "criminal_prosecution", date(2026, 2, 5), "found_guilty", date(2026, 6, 30)
        ),
        # not successful: acquitted, discontinued, only charged so far
        proceeding(3, 3, "criminal_prosecution", date(2026, 2, 5), "acquitted", date(2026, 5, 1)),
        proceeding(
            4, 4, "criminal_prosecution", date(2026, 2, 5), "discontinued", date(2026, 5, 1)
        ),
        proceeding(5, 5, "criminal_prosecution", date(2026, 2, 5), "charged", date(2026, 5, 1)),
        # convicted outside the quarter
        proceeding(
            6, 6, "criminal_prosecution", date(2026, 1, 5), "guilty_plea", date(2026, 3, 31)
        ),
        proceeding(7, 7, "criminal_prosecution", date(2026, 1, 5), "guilty_plea", date(2026, 7, 1)),
        # an order granted is not a prosecution
        proceeding(8, 8, "restraining_order", date(2026, 1, 5), "granted", date(2026, 5, 1)),
    )
    res = result("opcc-dv360", "successful_prosecutions", data)
    assert res.figure.kind == "proceeding"
    assert (res.figure.numerator, res.value) == ((1, 2), 2)


def _involvement() -> Facts:
    return facts(
        # going on through the quarter (started before it, no outcome)
        proceeding(1, 1, "criminal_prosecution", date(2025, 11, 1)),
        # started on its last day
        proceeding(2, 2, "non_molestation_order", date(2026, 6, 30)),
        # concluded on its first day: it was going on then
        proceeding(3, 3, "child_arrangements", date(2026, 1, 1), "granted", date(2026, 4, 1)),
        # concluded before it, or started after it: not involved
        proceeding(4, 4, "occupation_order", date(2026, 1, 1), "refused", date(2026, 3, 31)),
        proceeding(5, 5, "dvpo", date(2026, 7, 1)),
        # charged (still going on) and a restraining order on the same case: counted once
        proceeding(6, 6, "criminal_prosecution", date(2026, 1, 1), "charged", date(2026, 2, 1)),
        proceeding(7, 6, "restraining_order", date(2026, 5, 1)),
    )


def test_perpetrator_justice_involvement_seed_001_s14_counts_cases_going_on_in_the_quarter():
    res = result("leicester-perpetrator-2012", "justice_involvement", _involvement())
    assert res.figure.kind == "case"
    assert (sorted(res.figure.numerator), res.value) == ([1, 2, 3, 6], 4)


@pytest.mark.parametrize(("system", "cases"), [("criminal", [1, 6]), ("civil", [2, 3])])
def test_justice_involvement_by_system(system, cases):
    ctx = MeasureContext(facts=_involvement(), period=Q1, now=NOW)
    assert sorted(justice_involvement(ctx, system=system).numerator) == cases


def test_an_unknown_system_is_an_error():
    with pytest.raises(ValueError, match="system"):
        justice_involvement(MeasureContext(facts=Facts(), period=Q1, now=NOW), system="military")


def test_a_successful_prosecution_drills_down_to_its_case():
    from haven.reporting.presenters import KIND_LABELS, locate

    data = facts(
        proceeding(1, 7, "criminal_prosecution", date(2026, 1, 5), "guilty_plea", date(2026, 5, 1))
    )
    (located,) = locate(data, "proceeding", [1])
    assert located.case is not None
    assert located.case.id == 7
    assert KIND_LABELS["proceeding"] == "Legal proceeding"
