"""Project-wide pytest fixtures: personas (STYLE habit: owner, teammate, outsider for every view)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture
def personas(db: None) -> Any:
    # Imported here so pure packages (deadlines, workbook engine) can run without Django.
    from haven.testing.personas import build_personas

    return build_personas()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests hash passwords with MD5: real hashers cost seconds per persona on a 2-core machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
