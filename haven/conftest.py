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
def _force_login_passes_mfa(monkeypatch: Any) -> None:
    """``Client.force_login`` skips authentication altogether, so it stands for both factors.

    Tests of the sign-in itself post to the real pages; every other test starts signed in as
    if the user had entered their code (the MFA middleware signs out a session that has not).
    """
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self: Any, user: Any, backend: str | None = None) -> None:
        from haven.core.middleware import SESSION_MFA_PASSED

        original(self, user, backend)
        session = self.session
        session[SESSION_MFA_PASSED] = str(user.pk)
        session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Tests hash passwords with MD5: real hashers cost seconds per persona on a 2-core machine."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_caches() -> None:
    """Each test starts with empty caches. The local-memory cache lives as long as the worker
    process, so a rate limit counted in it (the appraisal's public link: 20 tries an hour from
    one address) was used up by the hostile-input walk's junk tokens and then refused a later
    browser journey's real answer on the same worker."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Any:
    """pytest-django's test database, with this run's stray PostgreSQL sessions ended before
    it is dropped.

    Once Playwright's sync API has run in a process, later tests resolve Django's
    context-local connection to a new one (seen on the same thread and greenlet), and the
    teardown only closes its own: the drop then failed with "being accessed by other users"
    and left test_<name>_gwN behind. Every session on the test database is this run's own (each
    xdist worker has its own database), so ending them at the close of the session is safe.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
