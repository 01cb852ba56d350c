"""The `front_door:` profile block (issue 14): every shipped profile has one, with seed
citations; only services with a self-referral route say they take self-referrals online."""

from pathlib import Path

import pytest
from pydantic import ValidationError

from haven.contracts.profiles.front_door import FrontDoorSpec
from haven.contracts.profiles.validate import load_profile

PROFILES = sorted(Path("haven/contracts/profiles").glob("*.yaml"))


@pytest.mark.parametrize("path", PROFILES, ids=lambda p: p.stem)
def test_every_profile_has_a_front_door_citing_its_seed(path):
    profile = load_profile(path)
    spec = profile.front_door
    assert spec is not None
    assert spec.citation.startswith("seed 00")
    routes = {route.key for route in profile.referral_routes}
    if spec.self_referral:  # seed 001 s5, 002 s3.6, 003 s7, 004 s7.1
        assert "self_referral" in routes
    if spec.web_chat is not None:  # slots need opening hours (seed 002 s3.6)
        assert profile.opening_hours is not None


def test_seed_002_s3_6_victim_first_web_chat_within_5_working_days_and_word_limit():
    spec = load_profile(Path("haven/contracts/profiles/victim-first-2018.yaml")).front_door
    assert spec.web_chat.within_working_days == 5
    assert spec.web_chat.capacity == 1
    assert spec.quick_questions.word_limit == 100


def test_unknown_keys_and_bad_numbers_are_refused():
    base = {
        "citation": "seed 002 s3.6",
        "offers": "x",
        "who_for": "x",
        "how_to_refer": "x",
        "contact": "x",
    }
    with pytest.raises(ValidationError):
        FrontDoorSpec.model_validate({**base, "chat": {}})
    with pytest.raises(ValidationError):
        FrontDoorSpec.model_validate({**base, "web_chat": {"citation": "x", "capacity": 0}})
    with pytest.raises(ValidationError):
        FrontDoorSpec.model_validate(
            {**base, "quick_questions": {"citation": "x", "word_limit": 5}}
        )
