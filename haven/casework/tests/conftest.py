"""Casework tests use the shared fixtures (haven/testing/fixtures.py) and the exit-step cases."""

from haven.casework.tests.exit_fixtures import referral_case, refuge_case, victim_first_case
from haven.testing.fixtures import contract_for, open_case, profile_contract, team_case

__all__ = [
    "contract_for",
    "open_case",
    "profile_contract",
    "referral_case",
    "refuge_case",
    "team_case",
    "victim_first_case",
]
