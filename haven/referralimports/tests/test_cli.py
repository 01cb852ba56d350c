"""`haven import-referrals --contract victim-first-2018 --source police-daily FILE`."""

from __future__ import annotations

import io

import pytest

from haven.referralimports.cli import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_ROWS_REFUSED,
    import_referrals_command,
)
from haven.referrals.models import Referral

from .files import POLICE_NO_METHOD, POLICE_REORDERED, POLICE_SOME_BAD

pytestmark = pytest.mark.django_db


def _run(tmp_path, content, *extra):
    path = tmp_path / "police.csv"
    path.write_bytes(content)
    out, err = io.StringIO(), io.StringIO()
    argv = ["--contract", "victim-first-2018", "--source", "police-daily", str(path), *extra]
    return import_referrals_command(argv, out, err), out.getvalue(), err.getvalue()


def test_prints_every_rows_outcome(tmp_path, victim_first):
    status, out, _ = _run(tmp_path, POLICE_REORDERED, "--team", "Outreach")
    assert status == EXIT_OK, out
    assert "row 2: LP/261206/0001: Referral created" in out
    assert "created: 3" in out
    again, out, _ = _run(tmp_path, POLICE_REORDERED)
    assert again == EXIT_OK
    assert "row 2: LP/261206/0001: Already imported" in out
    assert Referral.objects.count() == 3


def test_refused_rows_exit_non_zero_naming_row_and_column(tmp_path, victim_first):
    status, out, _ = _run(tmp_path, POLICE_SOME_BAD)
    assert status == EXIT_ROWS_REFUSED
    assert "row 4: Date referred: is in the future" in out
    assert "row 5: Surname: is blank; it is required" in out


def test_a_refused_file_exits_2(tmp_path, victim_first):
    status, out, err = _run(tmp_path, POLICE_NO_METHOD)
    assert status == EXIT_REFUSED
    assert "file: refused: Contact method:" in out
    assert "nothing was imported" in err


def test_bad_arguments(tmp_path, victim_first):
    status, _, err = _run(tmp_path, POLICE_REORDERED, "--team", "No such team")
    assert status == EXIT_REFUSED
    assert "no team" in err
    out, err_io = io.StringIO(), io.StringIO()
    argv = ["--contract", "victim-first-2018", "--source", "nope", str(tmp_path)]
    assert import_referrals_command(argv, out, err_io) == EXIT_REFUSED
    assert "no mapping for source 'nope'" in err_io.getvalue()


def test_the_management_command_runs_it(tmp_path, victim_first):
    from django.core.management import CommandError, call_command

    path = tmp_path / "police.csv"
    path.write_bytes(POLICE_REORDERED)
    out = io.StringIO()
    # the file first: Django's own parser reads options before the words (`haven import-referrals
    # --contract ...` from the shell goes through run_from_argv, which passes them all on)
    argv = [str(path), "--contract", "victim-first-2018", "--source", "police-daily"]
    call_command("import-referrals", *argv, stdout=out)
    assert "created: 3" in out.getvalue()
    path.write_bytes(POLICE_SOME_BAD)
    with pytest.raises(CommandError) as refused:
        call_command("import-referrals", *argv, stdout=io.StringIO(), stderr=io.StringIO())
    assert refused.value.returncode == EXIT_ROWS_REFUSED
