"""Every profile's `outcomes:` section names instruments Haven has, at stages each asks."""

import pytest

from haven.contracts.profiles.validate import find_profile, read_profile
from haven.outcomes.instrument import instruments

SLUGS = [
    "leicester-family-2012",
    "leicester-perpetrator-2012",
    "leicester-safehome-2012",
    "leicester-victim-survivor-2012",
    "wokingham-da-2017",
    "cornwall-mens-refuge-2021",
    "opcc-dv360",
]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_profile_names_instruments_that_exist(slug):
    loaded, errors = read_profile(find_profile(slug))
    assert loaded is not None, errors
    assert loaded.outcomes is not None
    for use in loaded.outcomes.instruments:
        found = instruments().get(use.instrument)
        assert found is not None, use.instrument
        assert use.citation.startswith("seed 00")
        for stage in use.stages:
            assert found.questions_at(stage), (use.instrument, stage)


def test_victim_and_survivor_forms_are_asked_at_intake_and_exit_with_typed_exits():
    # seed 001 Lot 3 s8: intake and exit forms; exit forms criminal justice or standard
    loaded, _ = read_profile(find_profile("leicester-victim-survivor-2012"))
    assert loaded is not None
    assert loaded.outcomes is not None
    assert loaded.outcomes.stages_of("leicester-vs-monitoring-v1") == ["intake", "exit"]
    types = {t.key for t in instruments()["leicester-vs-monitoring-v1"].exit_form_types}
    assert types == {"criminal_justice", "standard"}
