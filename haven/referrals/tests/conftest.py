"""Referral tests use the shared fixtures (haven/testing/fixtures.py)."""

from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]
