"""A kill -9 in the middle of a workbook import or a returns sign-off leaves nothing half-written
(issue 15 item 6): the process is stopped by SIGKILL inside its transaction, after it has written
rows, and afterwards the related tables hold exactly what they held before; the work can be rerun.

Each runs the real code in a subprocess on a file copy of the test database; a small script pauses
it at a known point inside the transaction (after the rows are written) so that the kill lands
there every time, not by luck of timing.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from haven.reporting.tests.signoff_world import build_signoff_world
from haven.testing.fixtures import profile_contract
from haven.workbook.engine.tests.exports import incident, write_csv

from .subprocess_db import ROOT, copy_test_database, haven, haven_env, needs_sqlite, table_counts

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PAUSE = """
import os, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
import django
django.setup()
import {module} as target
real = target.{function}
def paused(*args, **kwargs):
    result = real(*args, **kwargs)
    print("MIDWAY", flush=True)  # the rows are written, the transaction is still open
    time.sleep(600)
    return result
target.{function} = paused
{run}
"""

IMPORT = """
from haven.workbook.import_cli import import_command
sys.exit(import_command(
    [sys.argv[1], "--contract", "opcc-dv360", "--as-of", "2030-01-01T00:00"], sys.stdout, sys.stderr
))
"""

SIGN_OFF = """
from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.reporting.periods import parse_period
from haven.reporting.services import return_sign_off
from haven.reporting.tests.signoff_world import QUARTER
contract = Contract.objects.get(slug="opcc-dv360")
period = parse_period(QUARTER, profile_of(contract).contract_year_start)
return_sign_off(contract=contract, period=period, signed_off_by=User.objects.get(pk=sys.argv[1]))
print("SIGNED", flush=True)
"""


def _kill_midway(database: Path, script: str, *args: str) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=haven_env(database),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([process.stdout], [], [], 1)
            if ready:
                line = process.stdout.readline()
                if line.strip() == "MIDWAY":
                    break
                if not line and process.poll() is not None:
                    pytest.fail(f"exited before the midpoint: {process.stderr.read()}")
        else:
            pytest.fail("never reached the midpoint")
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL


def _run(database: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        env=haven_env(database),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def test_a_kill_during_a_workbook_import_leaves_no_referral_case_or_person(personas, tmp_path):
    needs_sqlite()
    profile_contract("opcc-dv360", personas.organisation)
    rows = [
        incident(f"I{victim}-{n}", f"2026-03-{n:02d} 10:00", victim=victim)
        for victim in ("N1", "N2", "N3")
        for n in range(1, 4)
    ]  # seed 000 s5: each victim's third incident is eligible: three referrals
    source = write_csv(tmp_path / "daily.csv", rows)
    database = copy_test_database(tmp_path / "live.sqlite3")
    before = table_counts(database)

    script = PAUSE.format(module="haven.workbook.services", function="_apply_team_rule", run=IMPORT)
    _kill_midway(database, script, str(source))

    after = table_counts(database)
    changed = {t for t in before if after[t] != before[t]}
    # only the run's own record, written before its transaction, may remain (as "running")
    assert changed <= {"workbook_workbookrun"}, {t: (before[t], after[t]) for t in changed}
    for table in ("referrals_referral", "casework_case", "people_person", "casework_task"):
        assert after[table] == before[table]

    rerun = haven(database, "workbook", "import", str(source), "--as-of", "2030-01-01T00:00")
    assert rerun.returncode == 0, rerun.stderr
    assert "(Imported)" in rerun.stdout
    created = int(re.search(r"referrals created: (\d+)", rerun.stdout).group(1))
    assert created >= 1
    final = table_counts(database)
    assert final["referrals_referral"] == before["referrals_referral"] + created
    assert final["casework_case"] == before["casework_case"] + created


def test_a_kill_during_a_returns_sign_off_leaves_no_snapshot(personas, tmp_path):
    needs_sqlite()
    build_signoff_world(personas)
    database = copy_test_database(tmp_path / "live.sqlite3")
    before = table_counts(database)

    manager = str(personas.service_manager.pk)
    script = PAUSE.format(module="haven.reporting.services", function="audit_event", run=SIGN_OFF)
    _kill_midway(database, script, manager)

    assert table_counts(database) == before  # no snapshot, no audit event, nothing

    done = _run(database, PAUSE.split("import {module}")[0] + SIGN_OFF, manager)
    assert "SIGNED" in done.stdout, done.stderr
    final = table_counts(database)
    assert final["reporting_returnsnapshot"] == before["reporting_returnsnapshot"] + 1
