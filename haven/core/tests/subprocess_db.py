"""Run `haven` (or a script) in a subprocess on a file copy of the test database.

The test database is SQLite in memory; ``copy_test_database`` writes it to a file with SQLite's
online backup API so that another process can use it (tests using ``transactional_db``, whose
rows are committed). Used by the backup and kill -9 tests.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def needs_sqlite() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database to a file for a subprocess")


def copy_test_database(path: Path) -> Path:
    connection.ensure_connection()
    target = sqlite3.connect(str(path))
    try:
        connection.connection.backup(target)
    finally:
        target.close()
    return path


def haven_env(database: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DJANGO_"))}
    return env | {"DATABASE_URL": f"sqlite:///{database}"} | extra


def haven(database: Path, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(sys.executable).parent / "haven"), *args],
        env=haven_env(database, **extra),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(str(database)) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            table: db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in sorted(tables)
        }


def sample_rows(database: Path, table: str, limit: int = 5) -> list[tuple[Any, ...]]:
    with sqlite3.connect(str(database)) as db:
        return db.execute(
            f'SELECT * FROM "{table}" ORDER BY rowid LIMIT ?',  # noqa: S608
            [limit],
        ).fetchall()
