"""Target hardening's quarterly report figures (seed 002 Lot 2 s4: number completed at each
service level, time between referral and fitting, cost per property, spend to date), computed
on hand-built facts for Q1 2026 (April to June; the contract year starts 1 April, s14)."""

from datetime import date

import pytest

from haven.reporting.facts import Facts, TargetHardeningFittingFact, TargetHardeningJobFact
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    JUST_AFTER,
    case,
    cell,
    result,
    value,
)

SLUG = "target-hardening-2018"


def job(jid, received, level=3, case_id=None):
    return TargetHardeningJobFact(jid, case_id or jid, received, level, INSIDE)


def fitted(fid, jid, on, cost):
    return TargetHardeningFittingFact(fid, jid, on, cost)


def test_completed_counts_jobs_closed_in_the_quarter_by_service_level_seed_002_lot_2_s4():
    facts = Facts(
        cases=[
            case(1, 1, BEFORE, state="closed", closed_at=INSIDE),
            case(2, 2, BEFORE, state="closed", closed_at=INSIDE),
            case(3, 3, BEFORE, state="closed", closed_at=JUST_AFTER),  # closed in July
            case(4, 4, BEFORE),  # still open
        ],
        target_hardening_jobs=[
            job(1, date(2026, 4, 1), level=1),
            job(2, date(2026, 4, 1), level=3),
            job(3, date(2026, 4, 1), level=3),
            job(4, date(2026, 4, 1), level=2),
        ],
    )
    res = result(SLUG, "completed_by_service_level", facts)
    assert res.value == 2
    assert cell(res, "service_level", "1").value == 1
    assert cell(res, "service_level", "3").value == 1
    assert cell(res, "service_level", "2").value == 0


def test_referral_to_fitting_and_cost_per_property_seed_002_lot_2_s4():
    facts = Facts(
        target_hardening_jobs=[
            job(1, date(2026, 4, 1)),
            job(2, date(2026, 4, 20)),
            job(3, date(2026, 3, 20)),  # first fitted in March: not this quarter's property
            job(4, date(2026, 5, 1), level=1),  # advice only: nothing fitted
        ],
        target_hardening_fittings=[
            fitted(1, 1, date(2026, 4, 3), 100.0),
            fitted(2, 1, date(2026, 5, 1), 50.0),
            fitted(3, 2, date(2026, 4, 30), 300.0),
            fitted(4, 3, date(2026, 3, 25), 80.0),
            fitted(5, 3, date(2026, 4, 2), 20.0),
            fitted(6, 2, date(2026, 7, 2), 40.0),  # after the quarter
        ],
    )
    # days: job 1 two days, job 2 ten days -> mean 6
    assert value(SLUG, "referral_to_fitting", facts) == 6.0
    # costs to 30 June: job 1 £150, job 2 £300 -> mean £225
    assert value(SLUG, "cost_per_property", facts) == 225.0


def test_spend_to_date_runs_from_the_contract_years_start_seed_002_lot_2_s4():
    facts = Facts(
        target_hardening_jobs=[job(1, date(2026, 3, 1))],
        target_hardening_fittings=[
            fitted(1, 1, date(2026, 3, 31), 500.0),  # the year before (from 1 April)
            fitted(2, 1, date(2026, 4, 1), 120.5),
            fitted(3, 1, date(2026, 6, 30), 79.5),
            fitted(4, 1, date(2026, 7, 1), 10.0),  # after the quarter's end
        ],
    )
    assert value(SLUG, "spend_to_date", facts) == pytest.approx(200.0)


def test_no_fitting_gives_no_figure_for_time_and_cost():
    facts = Facts(target_hardening_jobs=[job(1, date(2026, 4, 1), level=1)])
    assert value(SLUG, "referral_to_fitting", facts) is None
    assert value(SLUG, "cost_per_property", facts) is None
    assert value(SLUG, "spend_to_date", facts) == 0
