"""Referral tests share the casework helpers (contracts from shipped profiles, fast hashing)."""

from haven.casework.tests.conftest import _fast_password_hashing, contract_for, open_case, team_case

__all__ = ["_fast_password_hashing", "contract_for", "open_case", "team_case"]
