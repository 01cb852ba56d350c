from __future__ import annotations

from pathlib import Path

import pytest

from haven.handover.tests.support import run_commands


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated SQLite database file (copied by each test that receives a bundle)."""
    database = tmp_path_factory.mktemp("receiving") / "template.sqlite3"
    run_commands(database, ["migrate", "--verbosity", "0"])
    return database
