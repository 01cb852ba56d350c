"""Reporting tests use the shared fixtures (haven/testing/fixtures.py)."""

from haven.testing.fixtures import contract_for, open_case, profile_contract, team_case

__all__ = ["contract_for", "open_case", "profile_contract", "team_case"]
