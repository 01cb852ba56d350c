"""Shared pytest fixtures: contracts built from the shipped profiles, cases placed in a team.

An app's tests take them by importing them into its `tests/conftest.py`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from haven.casework.models import Case
from haven.casework.services import case_open_from_referral
from haven.contracts.models import Contract
from haven.contracts.profiles.validate import find_profile, load_profile
from haven.testing.casework import CaseFactory, CaseworkPersonFactory, ReferralFactory
from haven.testing.factories import ContractFactory
from haven.testing.personas import Personas


def profile_contract(slug: str, provider: Any) -> Contract:
    """A contract with the shipped profile `slug`, delivered by `provider` (the one already made
    for that provider when a fixture asked for it before: slugs are unique)."""
    made = Contract.objects.filter(slug=slug, provider=provider).first()
    if made is not None:
        return made
    profile = load_profile(find_profile(slug))
    return ContractFactory(
        slug=slug,
        name=profile.name,
        provider=provider,
        profile=profile.model_dump(mode="json"),
        profile_sha256=slug.ljust(64, "0")[:64],
    )


@pytest.fixture
def contract_for(personas: Personas) -> Callable[[str], Contract]:
    return lambda slug: profile_contract(slug, personas.organisation)


@pytest.fixture
def open_case(personas: Personas) -> Callable[..., Case]:
    """Open a case through the service, for a referral with the given fields."""

    def make(contract: Contract | None = None, **referral_fields: Any) -> Case:
        contract = contract or personas.contract
        person = CaseworkPersonFactory(organisation=contract.provider)
        referral = ReferralFactory(contract=contract, person=person, **referral_fields)
        return case_open_from_referral(
            referral=referral,
            opened_by=personas.caseworker,
            team=personas.team,
            allocated_to=personas.caseworker,
        )

    return make


@pytest.fixture
def team_case(personas: Personas) -> Case:
    """A case on the personas' contract, in the caseworker's team, allocated to them."""
    return CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
