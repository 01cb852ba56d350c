"""The profile's `outcomes` section (docs/profile-format.md, "Outcome instruments"): which
outcome instruments a contract asks and at which stages, each with a citation (issue 11 item 5).
That the keys name instruments Haven has is checked in haven/outcomes (above contracts)."""

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.schema import Profile
from haven.contracts.tests.sample_profiles import victim_first_data

USE = {"instrument": "haven-outcomes-v1", "stages": ["intake", "exit"], "citation": "seed 003 s13"}


def problems(outcomes):
    with pytest.raises(ValidationError) as caught:
        Profile.model_validate(victim_first_data() | {"outcomes": outcomes})
    return [(".".join(map(str, e["loc"])), e["msg"]) for e in caught.value.errors()]


def test_the_section_is_optional():
    assert Profile.model_validate(victim_first_data()).outcomes is None


def test_it_names_instruments_and_their_stages():
    profile = Profile.model_validate(victim_first_data() | {"outcomes": {"instruments": [USE]}})
    assert profile.outcomes is not None
    assert profile.outcomes.stages_of("haven-outcomes-v1") == ["intake", "exit"]
    assert profile.outcomes.stages_of("another-v1") == []


@pytest.mark.parametrize(
    ("use", "where", "message"),
    [
        (USE | {"stages": []}, "outcomes.instruments.0.stages", "at least 1 item"),
        (USE | {"stages": ["intake", "intake"]}, "outcomes.instruments.0.stages", "named twice"),
        (USE | {"stages": ["later"]}, "outcomes.instruments.0.stages.0", "'intake', 'review'"),
        ({k: v for k, v in USE.items() if k != "citation"}, "outcomes.instruments.0.citation", ""),
        (USE | {"instrument": "Outcomes Star"}, "outcomes.instruments.0.instrument", "pattern"),
    ],
)
def test_bad_uses_are_refused_at_their_field(use, where, message):
    found = problems({"instruments": [use]})
    assert any(loc == where and message in msg for loc, msg in found), found


def test_an_instrument_listed_twice_is_refused():
    found = problems({"instruments": [USE, USE]})
    assert ("outcomes.instruments.1.instrument", "this instrument is listed twice") in found
