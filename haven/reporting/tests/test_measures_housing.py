"""The Safe Home measures (issue 13) of leicester-safehome-2012 on small hand-built facts: the
seed 001 Lot 2 s8 outputs (own homes secured, transfers ...), the outcomes maintained and moved
on to independent living and timely move on, and the s14 data monitoring set (housing tenure at
entry and exit, interventions). Each reads its measure from the profile YAML. The period is
1 April to 30 June 2026."""

from __future__ import annotations

from datetime import date

import pytest

from haven.reporting.facts import Facts, HousingSituationFact, SafeHomeOutcomeFact
from haven.reporting.measures.base import NEEDS, MeasureContext
from haven.reporting.measures.housing import safe_home_outcomes, timely_move_on
from haven.reporting.tests.test_measures_contact import (
    BEFORE,
    INSIDE,
    NOW,
    Q1,
    case,
    cell,
    profile,
    result,
)

SAFEHOME = "leicester-safehome-2012"
OUTPUTS = {
    "own_homes_secured": "own_home_secured",
    "perpetrators_alternative_accommodation": "perpetrator_alternative",
    "homelessness_applications": "homelessness_application",
    "housing_transfers": "housing_transfer",
    "private_rentals_secured": "private_rental",
    "temporary_supported_placements": "temporary_supported",
    "other_housing_solutions": "other",
}


def housing(cid, entry, exit_tenure="", left=None, settled=None, destination=""):
    destination = destination or ("new_settled_home" if exit_tenure else "")
    return HousingSituationFact(cid * 10, cid, entry, left, exit_tenure, destination, settled)


def outcome(oid, cid, kind, on):
    return SafeHomeOutcomeFact(oid, cid, kind, on)


def test_the_issue_13_measures_are_computed_and_cite_seed_001_lot_2():
    for measure_id in [
        *OUTPUTS,
        "timely_move_on",
        "maintained_independent_living",
        "moved_on_independent_living",
        "housing_tenure_entry",
        "housing_tenure_exit",
        "interventions",
    ]:
        spec = profile(SAFEHOME).measure(measure_id)
        assert spec is not None
        assert spec.compute is not None, measure_id
        assert spec.citation.startswith("seed 001 Lot 2 s"), measure_id
        assert "issue 13" not in (spec.missing or "")
    assert NEEDS["safe_home_outcomes"] == frozenset({"housing"})


@pytest.mark.parametrize(("measure_id", "kind"), sorted(OUTPUTS.items()))
def test_seed_001_lot2_s8_outputs_count_outcomes_of_their_kind_achieved_in_the_quarter(
    measure_id, kind
):
    data = Facts(
        cases=[case(1, 1, BEFORE)],
        safe_home_outcomes=[
            outcome(1, 1, kind, date(2026, 4, 1)),
            outcome(2, 1, kind, date(2026, 6, 30)),
            outcome(3, 1, kind, date(2026, 3, 31)),  # before the quarter
            outcome(4, 1, kind, date(2026, 7, 1)),  # after it
            outcome(5, 1, "sanctuary" if kind != "sanctuary" else "other", date(2026, 5, 1)),
        ],
    )
    res = result(SAFEHOME, measure_id, data)
    assert (res.figure.kind, sorted(res.figure.numerator)) == ("safe_home_outcome", [1, 2])


def test_seed_001_lot2_s14_interventions_are_every_outcome_by_kind():
    data = Facts(
        cases=[case(1, 1, BEFORE)],
        safe_home_outcomes=[
            outcome(1, 1, "sanctuary", date(2026, 4, 2)),
            outcome(2, 1, "sanctuary", date(2026, 4, 3)),
            outcome(3, 1, "housing_transfer", date(2026, 5, 3)),
        ],
    )
    res = result(SAFEHOME, "interventions", data)
    assert res.value == 3
    assert cell(res, "safe_home_outcome_kind", "sanctuary").value == 2
    assert cell(res, "safe_home_outcome_kind", "housing_transfer").value == 1


def test_an_unknown_outcome_kind_is_an_error():
    with pytest.raises(ValueError, match="kind"):
        safe_home_outcomes(MeasureContext(facts=Facts(), period=Q1, now=NOW), kind="castle")


def test_seed_001_lot2_s14_tenure_at_entry_of_the_cases_opened_with_not_known():
    data = Facts(
        cases=[case(1, 1, INSIDE), case(2, 2, INSIDE), case(3, 3, INSIDE), case(4, 4, BEFORE)],
        housing_situations=[housing(1, "refuge"), housing(2, "refuge"), housing(4, "homeless")],
    )
    res = result(SAFEHOME, "housing_tenure_entry", data)
    assert res.value == 3
    assert cell(res, "tenure_at_entry", "refuge").value == 2
    assert cell(res, "tenure_at_entry", "not_known").value == 1


def test_seed_001_lot2_s14_tenure_at_exit_of_the_cases_closed():
    data = Facts(
        cases=[case(1, 1, BEFORE, closed_at=INSIDE), case(2, 2, BEFORE)],
        housing_situations=[housing(1, "refuge", "private_rented"), housing(2, "refuge")],
    )
    res = result(SAFEHOME, "housing_tenure_exit", data)
    assert res.value == 1
    assert cell(res, "tenure_at_exit", "private_rented").value == 1


def _closed_world() -> Facts:
    left = date(2026, 1, 5)
    return Facts(
        cases=[case(c, c, BEFORE, closed_at=INSIDE) for c in range(1, 8)]
        + [case(8, 8, BEFORE)],  # still open: not counted
        housing_situations=[
            housing(1, "owner_occupier", "owner_occupier", destination="stayed_in_own_home"),
            housing(2, "social_rented_council", "temporary", destination="temporary"),
            housing(3, "refuge", "social_rented_ha", left, date(2026, 5, 1)),  # 16 weeks
            housing(4, "homeless", "private_rented", left, date(2026, 6, 30)),
            housing(
                5, "family_or_friends", "family_or_friends", left, destination="family_or_friends"
            ),
            housing(6, "private_rented"),  # no exit tenure: not counted
            housing(7, "temporary", "private_rented", date(2025, 6, 1), date(2026, 6, 1)),
            housing(8, "refuge", "private_rented", left, date(2026, 2, 1)),
        ],
    )


def test_seed_001_lot2_s8_maintained_independent_living():
    res = result(SAFEHOME, "maintained_independent_living", _closed_world())
    assert (res.figure.numerator, res.figure.denominator) == ((1,), (1, 2))
    assert res.value == 0.5


def test_seed_001_lot2_s8_moved_on_to_independent_living():
    res = result(SAFEHOME, "moved_on_independent_living", _closed_world())
    assert sorted(res.figure.denominator) == [3, 4, 5, 7]
    assert sorted(res.figure.numerator) == [3, 4, 7]


def test_seed_001_lot2_s8_timely_move_on_within_26_weeks_of_leaving_home():
    res = result(SAFEHOME, "timely_move_on", _closed_world())
    # 3: 16 weeks; 4: 25 weeks 1 day; 5: not independent; 7: a year
    assert sorted(res.figure.denominator) == [3, 4, 5, 7]
    assert sorted(res.figure.numerator) == [3, 4]
    ctx = MeasureContext(facts=_closed_world(), period=Q1, now=NOW)
    assert sorted(timely_move_on(ctx, weeks=20).numerator) == [3]


def test_timely_move_on_weeks_must_be_a_whole_number():
    ctx = MeasureContext(facts=Facts(), period=Q1, now=NOW)
    with pytest.raises(ValueError, match="weeks"):
        timely_move_on(ctx, weeks=0)


def test_a_safe_home_outcome_drills_down_to_its_case():
    from haven.reporting.presenters import KIND_LABELS, locate

    data = Facts(
        cases=[case(7, 7, BEFORE)],
        safe_home_outcomes=[outcome(1, 7, "sanctuary", date(2026, 5, 1))],
    )
    (located,) = locate(data, "safe_home_outcome", [1])
    assert located.case is not None
    assert located.case.id == 7
    assert KIND_LABELS["safe_home_outcome"] == "Safe Home outcome"
