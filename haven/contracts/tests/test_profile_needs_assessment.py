"""The profile's `needs_assessment` section (docs/profile-format.md): the areas a needs
assessment scores and the reporting domain each rolls up to (seed 002 s3.9, s7)."""

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.schema import Profile
from haven.contracts.tests.sample_profiles import victim_first_data

AREAS = {
    "areas": [
        {"key": "personal_safety", "label": "Personal safety", "domain": "health"},
        {"key": "mental_health", "label": "Mental health", "domain": "health"},
        {"key": "finance", "label": "Finance and benefits", "domain": "finance"},
    ],
    "citation": "seed 002 s3.9",
}


def problems(data):
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate(data)
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in caught.value.errors()]


def distance_measure(domain):
    return {
        "id": "distance_health",
        "label": "Distance travelled: health",
        "section": "Distance travelled",
        "citation": "seed 002 s7",
        "unit": "percentage",
        "compute": "distance_travelled",
        "params": {"domain": domain},
    }


def test_the_section_is_optional():
    assert Profile.model_validate(victim_first_data()).needs_assessment is None


def test_areas_roll_up_to_domains_in_their_order():
    profile = Profile.model_validate(victim_first_data() | {"needs_assessment": AREAS})
    assert profile.needs_assessment is not None
    assert [a.key for a in profile.needs_assessment.areas] == [
        "personal_safety",
        "mental_health",
        "finance",
    ]
    assert profile.needs_assessment.domains() == ["health", "finance"]


def test_unknown_keys_and_duplicate_areas_are_errors():
    typo = AREAS | {"scale": "stars"}
    assert problems(victim_first_data() | {"needs_assessment": typo})[0][0] == (
        "needs_assessment.scale"
    )
    twice = AREAS | {"areas": [*AREAS["areas"], AREAS["areas"][0]]}
    found = problems(victim_first_data() | {"needs_assessment": twice})
    assert ("needs_assessment.areas.3.key", "two areas have this key") in found


def test_a_distance_measure_must_name_a_domain_of_the_section():
    data = victim_first_data() | {"needs_assessment": AREAS}
    data["measures"] = [distance_measure("health")]
    assert Profile.model_validate(data).measure("distance_health") is not None
    data["measures"] = [distance_measure("housing")]
    [(loc, message)] = problems(data)
    assert loc == "measures.0.params.domain"
    assert "health, finance" in message
