"""`haven profiles load` is idempotent and audited; a broken profile saves nothing."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from haven.contracts.models import Contract
from haven.contracts.profiles.validate import ProfileInvalid, profile_paths
from haven.contracts.services import contract_profiles_load
from haven.core.models import AuditAction, AuditEvent

SHIPPED = [
    "opcc-dv360",
    "victim-first-2018",
    "target-hardening-2018",
    "leicester-family-2012",
    "leicester-safehome-2012",
    "leicester-victim-survivor-2012",
    "leicester-perpetrator-2012",
    "wokingham-da-2017",
    "cornwall-mens-refuge-2021",
]


def test_all_nine_contract_profiles_are_shipped():
    assert sorted(p.stem for p in profile_paths()) == sorted(SHIPPED)


def test_loading_twice_creates_each_contract_once(db):
    first = contract_profiles_load(paths=profile_paths(), loaded_by=None)
    second = contract_profiles_load(paths=profile_paths(), loaded_by=None)
    assert sorted(first.created) == sorted(SHIPPED)
    assert second.created == []
    assert second.updated == []
    assert sorted(second.unchanged) == sorted(SHIPPED)
    assert Contract.objects.count() == 9
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.CREATE, object_type="contracts.contract"
        ).count()
        == 9
    )


def test_changed_profile_updates_the_contract_and_audits_the_change(db, tmp_path):
    source = Path(next(p for p in profile_paths() if p.stem == "wokingham-da-2017"))
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    contract_profiles_load(paths=[copy], loaded_by=None)
    copy.write_text(copy.read_text().replace("name: ", "name: Renamed ", 1))
    report = contract_profiles_load(paths=[copy], loaded_by=None)
    assert report.updated == ["wokingham-da-2017"]
    contract = Contract.objects.get(slug="wokingham-da-2017")
    assert contract.name.startswith("Renamed ")
    update = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(contract.pk))
    assert "name" in update.changes


def test_a_broken_profile_stops_the_load_before_anything_is_saved(db, tmp_path):
    good = tmp_path / "opcc-dv360.yaml"
    shutil.copy(next(p for p in profile_paths() if p.stem == "opcc-dv360"), good)
    broken = tmp_path / "wokingham-da-2017.yaml"
    broken.write_text("slug: wokingham-da-2017\nname: [unclosed\n")
    with pytest.raises(ProfileInvalid):
        contract_profiles_load(paths=[good, broken], loaded_by=None)
    assert Contract.objects.count() == 0


def test_load_command_reports_counts(db):
    out = StringIO()
    call_command("profiles", "load", stdout=out)
    assert "9 created" in out.getvalue()
    out = StringIO()
    call_command("profiles", "load", stdout=out)
    assert "9 unchanged" in out.getvalue()
