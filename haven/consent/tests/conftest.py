"""Consent tests: the personas' team case, a data protection officer of the provider, and the
Cornwall men's refuge contract (seed 004 s11.1: the confidentiality agreement at intake)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.accounts.roles import Role
from haven.testing.factories import MembershipFactory, UserFactory
from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]

CORNWALL = "cornwall-mens-refuge-2021"


@pytest.fixture
def dpo(personas):
    user = UserFactory()
    MembershipFactory(
        user=user, role=Role.DATA_PROTECTION_OFFICER, organisation=personas.organisation
    )
    return user


@pytest.fixture
def person(team_case):
    return team_case.person


@pytest.fixture
def consent_to(personas, person):
    """Record a consent for the case's person (keyword overrides)."""
    from haven.consent.services import consent_record

    def make(**overrides):
        fields = {
            "person": person,
            "kind": "share",
            "recipient": "Synthetic Housing Options",
            "purpose": "Housing support",
            "given_on": timezone.localdate() - dt.timedelta(days=5),
            "how_given": "verbal",
            "recorded_by": personas.caseworker,
        } | overrides
        return consent_record(**fields)

    return make
