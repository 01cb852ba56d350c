"""The engine: not-recorded measures, targets met in either direction, breakdown cells with their
own numerators and denominators, and monthly figures shown in the quarter's return."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from haven.contracts.profiles.measures import MeasureSpec
from haven.reporting.engine import compute_measure, measures_for_period
from haven.reporting.facts import CaseFact, Facts, PersonFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.periods import parse_period

Q1 = parse_period("2026-Q1", "04-01")
MAY = datetime(2026, 5, 5, tzinfo=UTC)


def spec(**kw: object) -> MeasureSpec:
    base: dict[str, object] = {
        "id": "X1",
        "label": "A figure",
        "section": "A",
        "citation": "seed 004 s10",
    }
    return MeasureSpec.model_validate(base | kw)


def person(pid: int, sex: str) -> PersonFact:
    return PersonFact(pid, f"P{pid}", date(1980, 1, 1), False, "", sex, "", "", "", "", "", "", "")


def closed(cid: int, exit_type: str) -> CaseFact:
    return CaseFact(cid, cid, None, "closed", "", MAY, None, MAY, exit_type, None, None)


FACTS = Facts(
    persons={1: person(1, "male"), 2: person(2, "male"), 3: person(3, "female"), 4: person(4, "")},
    cases=[
        closed(1, "planned"),
        closed(2, "unplanned"),
        closed(3, "planned"),
        closed(4, "planned"),
    ],
)
CTX = MeasureContext(facts=FACTS, period=Q1, now=MAY)


def test_a_measure_without_a_computation_is_not_recorded_and_says_why():
    result = compute_measure(spec(missing="needs the MARAC register (issue 12)"), CTX)
    assert result.status == "not_recorded"
    assert result.value is None
    assert result.met is None


def test_target_met_at_least_and_at_most():
    at_least = spec(unit="percentage", compute="planned_exits", target=0.8)
    assert compute_measure(at_least, CTX).value == 0.75
    assert compute_measure(at_least, CTX).met is False
    at_most = spec(
        compute="cases_closed",
        params={"exit_type": "unplanned"},
        target=0,
        target_direction="at_most",
    )
    assert compute_measure(at_most, CTX).value == 1
    assert compute_measure(at_most, CTX).met is False


def test_breakdown_cells_have_their_own_numerator_and_denominator():
    # planned exits by sex: male 1 of 2, female 1 of 1, not known 1 of 1 (person 4 gave none)
    result = compute_measure(
        spec(unit="percentage", compute="planned_exits", breakdowns=["sex"]), CTX
    )
    cells = {c.key: c for c in result.breakdowns[0].cells}
    assert (cells["male"].numerator, cells["male"].denominator) == ((1,), (1, 2))
    assert cells["male"].value == 0.5
    assert cells["female"].value == 1.0
    assert cells["not_known"].value == 1.0
    assert cells["prefer_not_to_say"].value is None  # a listed category with no records


def test_protected_characteristics_expand_to_the_nine():
    measure = spec(compute="cases_closed", breakdowns=["protected_characteristics", "sex"])
    assert measure.breakdown_keys() == (
        "age",
        "disability",
        "gender_reassignment",
        "marriage_civil_partnership",
        "pregnancy_maternity",
        "race",
        "religion_belief",
        "sex",
        "sexual_orientation",
    )


def test_monthly_figures_appear_in_the_quarter_and_half_yearly_only_in_their_own():
    # seed 004 s10: the SC table is monthly inside the quarterly KPIs; workforce bi-annual
    from haven.contracts.profiles.schema import Profile

    monthly, quarterly, workforce = (
        spec(id="SC1", compute="cases_closed", period="month"),
        spec(id="A0", compute="cases_closed"),
        spec(id="W1", missing="needs workforce records (issue 16)", period="half_year"),
    )

    class Stub:
        measures = (monthly, quarterly, workforce)

    profile: Profile = Stub()  # type: ignore[assignment]
    assert [m.id for m in measures_for_period(profile, Q1)] == ["SC1", "A0"]
    h1 = parse_period("2026-H1", "04-01")
    assert [m.id for m in measures_for_period(profile, h1)] == ["SC1", "W1"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "exactly one of compute"),
        ({"compute": "cases_closed", "missing": "x"}, "exactly one of compute"),
        ({"missing": "x", "params": {"a": 1}}, "takes no params"),
        ({"compute": "planned_exits", "unit": "percentage", "target": 95}, "fractions"),
    ],
)
def test_a_measure_must_be_computed_or_say_what_is_missing(fields, message):
    with pytest.raises(ValueError, match=message):
        spec(**fields)


def test_every_breakdown_a_profile_may_name_has_a_dimension():
    from typing import get_args

    from haven.contracts.profiles.measures import Breakdown
    from haven.reporting.dimensions import DIMENSIONS

    def flat(tp: object) -> list[str]:
        return [x for arg in get_args(tp) for x in (flat(arg) if get_args(arg) else [arg])]

    names = set(flat(Breakdown)) - {"protected_characteristics"}
    not_yet = {"service_element", "intervention_type"}  # allowed on missing measures only
    assert "sex" in names
    assert names - not_yet <= set(DIMENSIONS)


def test_a_computed_measure_cannot_be_broken_down_by_what_haven_does_not_record():
    from haven.contracts.profiles.measures import MeasureSpec

    base = {"id": "B9", "label": "Satisfied", "section": "B", "citation": "seed 004 s10 B9"}
    with pytest.raises(ValueError, match="does not record this yet"):
        MeasureSpec.model_validate(
            base | {"compute": "cases_closed", "breakdowns": ["intervention_type"]},
            context={"check_computations": True},
        )
    MeasureSpec.model_validate(
        base | {"missing": "needs surveys (issue 11)", "breakdowns": ["intervention_type"]},
        context={"check_computations": True},
    )
