"""victim-first-2018's `restorative_justice` (seed 002 s7: "Number/percentage of victims
receiving further support engaging in restorative contact/justice"; seed 002 s3.10) on
hand-built facts, read from the profile; and the loader's single query."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.reporting.facts import Facts, RestorativeProcessFact
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    JUST_INSIDE,
    LAST_MINUTE,
    result,
)
from haven.reporting.tests.test_measures_sessions import assessed, case, session

VF = "victim-first-2018"


def rj(pid: int, cid: int, suitable: datetime | None, ended: datetime | None = None, stage="held"):
    return RestorativeProcessFact(pid, cid, stage, BEFORE, suitable, ended)


def _facts(*processes: RestorativeProcessFact) -> Facts:
    # cases 1-6 receive further support this quarter (assessed, a session); case 7 has a
    # process but no session in the quarter, so is in neither part
    supported = range(1, 7)
    return Facts(
        cases=[case(c, c, BEFORE) for c in range(1, 8)],
        sessions=[session(10 + c, c, INSIDE, "telephone") for c in supported],
        needs_assessments=[assessed(c) for c in [*supported, 7]],
        restorative_processes=list(processes),
    )


def test_seed_002_s7_share_of_further_support_victims_engaging_in_rj():
    measured = result(
        VF,
        "restorative_justice",
        _facts(
            rj(1, 1, BEFORE),  # suitable before, still going on: engaged
            rj(2, 2, LAST_MINUTE),  # found suitable in the quarter's last minute: engaged
            rj(3, 3, JUST_AFTER),  # found suitable after the quarter: not yet
            rj(4, 4, BEFORE, ended=BEFORE, stage="closed"),  # over before the quarter: not
            rj(5, 5, BEFORE, ended=JUST_INSIDE, stage="withdrawn"),  # ended inside: engaged
            rj(6, 6, None, ended=INSIDE, stage="unsuitable"),  # never suitable: not
            rj(7, 7, BEFORE),  # no further support this quarter: not counted
        ),
    )
    figure = measured.figure
    assert figure is not None
    assert figure.numerator == (1, 2, 5)
    assert len(figure.denominator) == 6
    assert figure.value == pytest.approx(3 / 6)


@pytest.mark.django_db
def test_the_loader_reads_processes_in_one_query_and_unsuitable_is_never_suitable(personas):
    from haven.reporting.loaders import load_facts
    from haven.restorative.services import rj_referral_create, rj_step_record
    from haven.restorative.tests.conftest import referral_kwargs
    from haven.testing.casework import CaseFactory
    from haven.testing.fixtures import profile_contract

    contract = profile_contract(VF, personas.organisation)
    cases = [CaseFactory(contract=contract, team=personas.team) for _ in range(3)]
    for index, one in enumerate(cases):
        process = rj_referral_create(
            case=one, referred_by=personas.team_leader, **referral_kwargs(personas)
        )
        rj_step_record(
            process=process,
            recorded_by=personas.team_leader,
            to=["suitable", "unsuitable", "withdrawn"][index],
            note="Assessed",
        )
    now = timezone.now()
    start = datetime(now.year - 1, 1, 1, tzinfo=UTC)
    end = datetime(now.year + 1, 1, 1, tzinfo=UTC)
    with CaptureQueriesContext(connection) as without:
        load_facts(contract, start, end, needs=frozenset())
    with CaptureQueriesContext(connection) as with_rj:
        facts = load_facts(contract, start, end, needs=frozenset({"restorative"}))
    assert len(with_rj) == len(without) + 1
    stages = {p.stage: p.suitable_at is not None for p in facts.restorative_processes}
    assert stages == {"suitable": True, "unsuitable": False, "withdrawn": False}
