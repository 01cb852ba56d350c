"""The profile's `target_hardening:` section (seed 002 Lot 2 s3.1, s14): strict, its levels in
order from 0, and the shipped profile's £80,000 a year for items."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.target_hardening import TargetHardeningSpec
from haven.contracts.profiles.validate import find_profile, load_profile

SECTION = {
    "assessment": {
        "citation": "seed 002 Lot 2 s3.1",
        "questions": [{"key": "no_door_chain", "label": "No door chain", "points": 3}],
        "vulnerability_factors": [{"key": "repeat_victim", "label": "Repeat", "points": 3}],
        "levels": [
            {"level": 1, "label": "Advice", "from_score": 0},
            {"level": 2, "label": "Self-fitted", "from_score": 5},
            {"level": 3, "label": "Specialist", "from_score": 10},
        ],
    },
    "budget": {"annual_items": 80000, "per_property": 400, "citation": "seed 002 Lot 2 s3.1"},
}


def test_the_shipped_profile_has_the_seeds_80000_a_year_for_items_seed_002_lot_2_s3_1():
    spec = load_profile(find_profile("target-hardening-2018")).target_hardening
    assert spec is not None
    assert spec.budget.annual_items == Decimal("80000")
    assert [lvl.from_score for lvl in spec.assessment.levels] == [0, 5, 10]
    assert "Home Safety Assessment" in (spec.assessment.note or "")


def test_a_valid_section_loads():
    assert TargetHardeningSpec.model_validate(SECTION).budget.per_property == Decimal("400")


def test_an_unknown_key_is_an_error():
    with pytest.raises(ValidationError, match="extra"):
        TargetHardeningSpec.model_validate(SECTION | {"sanctuary": True})


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ([(2, 0), (1, 5), (3, 10)], "levels 1, 2 and 3 in that order"),
        ([(1, 1), (2, 5), (3, 10)], "level 1 is every score"),
        ([(1, 0), (2, 5), (3, 5)], "higher score"),
    ],
)
def test_levels_are_1_2_3_rising_from_0(levels, message):
    section = {
        **SECTION,
        "assessment": {
            **SECTION["assessment"],
            "levels": [{"level": lv, "label": "L", "from_score": s} for lv, s in levels],
        },
    }
    with pytest.raises(ValidationError, match=message):
        TargetHardeningSpec.model_validate(section)


def test_a_key_used_twice_is_an_error():
    assessment = {
        **SECTION["assessment"],
        "vulnerability_factors": [{"key": "no_door_chain", "label": "Again", "points": 1}],
    }
    with pytest.raises(ValidationError, match="duplicate key"):
        TargetHardeningSpec.model_validate({**SECTION, "assessment": assessment})
