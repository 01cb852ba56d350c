"""Production settings for tests that run Haven in a subprocess (`check --deploy`, `haven serve`)."""

from __future__ import annotations

import os

# Only the variables production needs (issue 9): everything else has a safe default.
PRODUCTION_ENV = {
    "HAVEN_ENV": "production",
    "HAVEN_SECRET_KEY": "a-long-random-production-secret-key-for-tests-0123456789abcdefghijklmnop",
    "HAVEN_ALLOWED_HOSTS": "haven.example.org,127.0.0.1",
    "HAVEN_WORKBOOK_KEY": "a-workbook-pseudonym-key-for-tests-0123456789abcdef",
}


def production_env(**extra: str) -> dict[str, str]:
    """This process's environment without any HAVEN_ or DJANGO_ variable, plus production's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    return env | PRODUCTION_ENV | extra
