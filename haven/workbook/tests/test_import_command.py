"""`haven workbook import INPUT --contract opcc-dv360`: the scheduled import, as the system."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from haven.casework.models import Case
from haven.core.models import AuditEvent
from haven.referrals.models import Referral
from haven.testing.factories import TeamFactory
from haven.workbook.engine.tests.exports import write_csv
from haven.workbook.import_cli import import_command
from haven.workbook.models import WorkbookRun

from .conftest import series

pytestmark = pytest.mark.django_db


def test_import_command_creates_referrals_and_prints_the_counts(tmp_path, dv360):
    # seed 000 s5: the 3rd incident is eligible
    source = write_csv(tmp_path / "daily.csv", series(3))
    out = io.StringIO()
    status = import_command(
        [str(source), "--contract", "opcc-dv360", "--as-of", "2030-01-01T00:00"], out, io.StringIO()
    )
    assert status == 0
    assert "referrals created: 1" in out.getvalue()
    assert Referral.objects.get().entered_by is None
    run = WorkbookRun.objects.get()
    assert AuditEvent.objects.get(object_id=str(run.pk)).actor_label == "system"


def test_import_command_is_reached_through_the_workbook_command(tmp_path, dv360):
    source = write_csv(tmp_path / "daily.csv", series(3))
    out = io.StringIO()
    call_command("workbook", "import", str(source), "--as-of", "2030-01-01T00:00", stdout=out)
    assert "already imported: 0" in out.getvalue()


def test_import_command_refuses_an_unknown_contract(tmp_path, db):
    source = write_csv(tmp_path / "daily.csv", series(3))
    err = io.StringIO()
    assert import_command([str(source), "--contract", "nope"], io.StringIO(), err) == 2
    assert "no active contract" in err.getvalue()


def test_import_command_exits_2_when_the_run_fails(tmp_path, dv360):
    source = write_csv(tmp_path / "daily.csv", series(1), columns=["incident_id"])
    err = io.StringIO()
    assert import_command([str(source)], io.StringIO(), err) == 2
    assert "missing required column" in err.getvalue()
    assert WorkbookRun.objects.get().status == "failed"


def test_import_command_puts_the_cases_in_the_named_team(tmp_path, dv360, personas):
    source = write_csv(tmp_path / "daily.csv", series(3))
    argv = [str(source), "--as-of", "2030-01-01T00:00", "--team", personas.team.name]
    assert import_command(argv, io.StringIO(), io.StringIO()) == 0
    assert Case.objects.get().team == personas.team


def test_import_command_refuses_a_team_outside_the_provider(tmp_path, dv360, personas):
    elsewhere = TeamFactory(organisation=personas.other_organisation, name="Elsewhere")
    source = write_csv(tmp_path / "daily.csv", series(3))
    err = io.StringIO()
    argv = [str(source), "--team", elsewhere.name]
    assert import_command(argv, io.StringIO(), err) == 2
    assert "no team" in err.getvalue()
    assert not WorkbookRun.objects.exists()


def test_import_command_without_a_team_leaves_the_cases_unallocated(tmp_path, dv360):
    source = write_csv(tmp_path / "daily.csv", series(3))
    assert import_command([str(source), "--as-of", "2030-01-01T00:00"]) == 0
    assert Case.objects.get().team is None
