"""Cases to assess for the risk tests (synthetic people only); answers: haven/testing/risk.py."""

from __future__ import annotations

import pytest

from haven.contracts.profiles.validate import PROFILES_DIR, load_profile
from haven.testing.casework import CaseFactory
from haven.testing.factories import ContractFactory


@pytest.fixture
def case(personas):
    """A case of the caseworker's team, under a contract with no risk section (defaults)."""
    return CaseFactory(contract=personas.contract, team=personas.team)


@pytest.fixture
def cornwall_contract(personas):
    profile = load_profile(PROFILES_DIR / "cornwall-mens-refuge-2021.yaml")
    return ContractFactory(
        slug="cornwall-mens-refuge-2021",
        provider=personas.organisation,
        commissioner=personas.commissioner_body,
        profile=profile.model_dump(mode="json"),
    )


@pytest.fixture
def cornwall_case(personas, cornwall_contract):
    return CaseFactory(contract=cornwall_contract, team=personas.team)


@pytest.fixture
def leicester_case(personas):
    """A case of the Leicester victim/survivor contract (seed 001 Lot 3: the risk register and
    IDVA caseloads), allocated to the caseworker."""
    from haven.testing.fixtures import profile_contract

    contract = profile_contract("leicester-victim-survivor-2012", personas.organisation)
    return CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)
