"""The profile's waiting_list block (issue 13): `contact_every` is an optional strict duration;
Wokingham's is Haven's default of two weeks (seed 003 s7 runs a waiting list, silent on contact
while waiting)."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import read_profile
from haven.contracts.tests.sample_profiles import victim_first_data
from haven.deadlines import Duration

PROFILES = Path(__file__).resolve().parents[1] / "profiles"


def with_waiting_list(**block):
    data = victim_first_data()
    data["waiting_list"] = {"allowed": True, "citation": "seed 003 s7", **block}
    return data


def test_contact_every_is_a_duration():
    loaded = Profile.model_validate(with_waiting_list(contact_every={"weeks": 2}))
    assert loaded.waiting_list is not None
    assert loaded.waiting_list.contact_every is not None
    assert loaded.waiting_list.contact_every.to_duration() == Duration.weeks(2)


def test_contact_every_is_optional():
    loaded = Profile.model_validate(with_waiting_list())
    assert loaded.waiting_list is not None
    assert loaded.waiting_list.contact_every is None


@pytest.mark.parametrize(
    "bad", [{"weeks": 0}, {"weeks": 2, "days": 3}, {"fortnights": 1}, {"weeks": "2"}]
)
def test_a_bad_contact_every_is_refused(bad):
    with pytest.raises(ValidationError):
        Profile.model_validate(with_waiting_list(contact_every=bad))


def test_seed_003_s7_wokingham_contacts_a_waiting_person_every_two_weeks():
    loaded, errors = read_profile(PROFILES / "wokingham-da-2017.yaml")
    assert loaded is not None, errors
    spec = loaded.waiting_list
    assert spec is not None
    assert spec.contact_every is not None
    assert spec.contact_every.to_duration() == Duration.weeks(2)
    assert spec.exempt_cohorts == ["yos_plan", "looked_after_child", "child_protection_plan"]
