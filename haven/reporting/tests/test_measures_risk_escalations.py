"""Risk escalations (seed 004 s10 "Risk escalations"; s4.2: reassessed after any incident or
change of risk): cases whose checklist in the quarter gave a higher level than the one before."""

from __future__ import annotations

from datetime import timedelta

import pytest

from haven.reporting.facts import Facts, NotLoaded, RiskFact
from haven.reporting.measures.base import NEEDS
from haven.reporting.measures.risk import risk_escalations
from haven.reporting.tests.test_measures_core import MAY, case, ctx


def risk(rid: int, cid: int, level: str, at) -> RiskFact:
    return RiskFact(rid, cid, "incident", 10, level, at, False)


def test_seed_004_s10_a_level_rising_in_the_quarter_is_an_escalation():
    before = MAY - timedelta(days=90)  # before the quarter: loaded as risk history
    facts = Facts(
        cases=[case(1, before), case(2, before), case(3, before), case(4, before)],
        risks_before=[risk(1, 1, "medium", before), risk(3, 2, "high", before)],
        risks=[
            risk(2, 1, "high", MAY),  # medium -> high: escalated
            risk(4, 2, "medium", MAY),  # high -> medium: not
            risk(5, 3, "standard", MAY - timedelta(days=2)),
            risk(6, 3, "medium", MAY),  # standard -> medium, both in the quarter: escalated
            risk(7, 4, "high", MAY),  # a first checklist is no escalation
        ],
    )
    figure = risk_escalations(ctx(facts))
    assert sorted(figure.numerator) == [1, 3]
    assert figure.value == 2


def test_the_measure_declares_the_risk_history_it_reads():
    assert NEEDS["risk_escalations"] == frozenset({"risk_history"})
    facts = Facts(risks_before=NotLoaded("risk_history"))  # type: ignore[arg-type]
    with pytest.raises(LookupError):
        risk_escalations(ctx(facts))
