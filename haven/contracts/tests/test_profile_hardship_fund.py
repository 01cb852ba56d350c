"""The profile's optional `hardship_fund` block (docs/profile-format.md; seed 002 s3.8: "a small
hardship fund (currently £5k pa)"): an annual amount in pounds and a citation, strict."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import find_profile, load_profile
from haven.contracts.tests.sample_profiles import victim_first_data


def _with(fund):
    return victim_first_data() | {"hardship_fund": fund}


def test_the_block_is_optional():
    assert Profile.model_validate(victim_first_data()).hardship_fund is None


def test_seed_002_s3_8_victim_first_has_a_5k_fund():
    fund = load_profile(find_profile("victim-first-2018")).hardship_fund
    assert fund is not None
    assert (fund.annual_amount, fund.citation) == (Decimal("5000"), "seed 002 s3.8")
    assert load_profile(find_profile("leicester-safehome-2012")).hardship_fund is None


def test_pence_are_kept_exactly():
    fund = Profile.model_validate(
        _with({"annual_amount": "2500.50", "citation": "seed 002 s3.8"})
    ).hardship_fund
    assert fund is not None
    assert fund.annual_amount == Decimal("2500.50")


@pytest.mark.parametrize(
    "fund",
    [
        {"annual_amount": 0, "citation": "seed 002 s3.8"},
        {"annual_amount": -5, "citation": "seed 002 s3.8"},
        {"annual_amount": "12.345", "citation": "seed 002 s3.8"},
        {"annual_amount": 5000},
        {"annual_amount": 5000, "citation": "seed 002 s3.8", "per": "year"},
    ],
)
def test_a_bad_block_is_refused(fund):
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate(_with(fund))
    assert all(e["loc"][0] == "hardship_fund" for e in caught.value.errors())
