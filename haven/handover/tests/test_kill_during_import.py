"""Issue 15 item 6/8: a kill -9 during a handover import leaves nothing half-written.

The import loads a bundle in one transaction: the process is killed with SIGKILL after it has
inserted some record types, then the receiving database holds none of the bundle, and the
same import run again succeeds."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from haven.handover.tests.support import REPO, env_for, migrated_copy, run_commands

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SLUG = "victim-first-2018"


def _rows(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])  # noqa: S608


def test_sigkill_during_a_handover_import_leaves_nothing_half_written(
    tmp_path: Path, migrated_sqlite: Path
) -> None:
    call_command("demo", scale=0.01, seed=5, stdout=StringIO())
    bundle = tmp_path / "bundle"
    call_command("handover", "export", "--contract", SLUG, "--out", str(bundle), stdout=StringIO())
    receiving = migrated_copy(migrated_sqlite, tmp_path / "receiving.sqlite3")

    process = subprocess.Popen(
        [sys.executable, "manage.py", "handover", "--verbosity", "2", "import", str(bundle)],
        cwd=REPO,
        env=env_for(receiving),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    loaded = []
    for line in process.stdout:
        if line.startswith("loading "):
            loaded.append(line)
        if len(loaded) == 3:  # casework records are in, people and referrals not yet
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""

    for table in ("contracts_contract", "casework_case", "casework_caseevent", "people_person"):
        assert _rows(receiving, table) == 0, table
    assert _rows(receiving, "accounts_user") == 0  # staff are created inside the transaction

    out = run_commands(receiving, ["handover", "import", str(bundle)])
    assert "added" in out
    assert _rows(receiving, "casework_case") > 0
