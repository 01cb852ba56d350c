"""Portal tests: Victim First (seed 002: self-referral, web chat, quick questions) and Leicester
Safe Home (seed 001 s5: agency referrals only), run by the personas' organisation."""

import pytest

from haven.testing.fixtures import contract_for

__all__ = ["contract_for"]

VICTIM_FIRST = "victim-first-2018"
SAFE_HOME = "leicester-safehome-2012"
WOKINGHAM = "wokingham-da-2017"


@pytest.fixture
def victim_first(contract_for):
    return contract_for(VICTIM_FIRST)


@pytest.fixture
def safe_home(contract_for):
    return contract_for(SAFE_HOME)


@pytest.fixture
def wokingham(contract_for):
    return contract_for(WOKINGHAM)
