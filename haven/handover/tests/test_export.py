"""`haven handover export`: every record of one contract, nothing of another, in the documented
format (seed 003 s15: all data returned at contract end; seed 004 s11.1: an electronic copy)."""

from __future__ import annotations

import csv
import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator

from haven.handover.reading import read_bundle
from haven.testing.casework import CaseFactory, CaseNoteFactory, ContactAttemptFactory
from haven.testing.factories import ContractFactory, UserFactory
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db


def _lines(bundle: Path, type_name: str) -> list[dict[str, object]]:
    path = bundle / "records" / f"{type_name}.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def bundle(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    contract = ContractFactory(slug="ours")
    worker = UserFactory(email="Worker@Example.org", full_name="Worker One")
    case = CaseFactory(contract=contract, allocated_to=worker)
    ContactAttemptFactory(case=case, recorded_by=worker)
    CaseNoteFactory(case=case, author=worker, text="A synthetic note")
    HouseholdLinkFactory(person=case.person)
    other = CaseFactory(contract=ContractFactory(slug="theirs"))
    out = tmp_path / "bundle"
    call_command("handover", "export", "--contract", "ours", "--out", str(out), stdout=StringIO())
    return out, {"case": case, "other": other, "worker": worker}


def test_the_bundle_holds_the_contracts_records_and_not_another_contracts(bundle) -> None:
    out, made = bundle
    assert [c["id"] for c in _lines(out, "casework.case")] == [str(made["case"].pk)]
    people = {p["id"] for p in _lines(out, "people.person")}
    assert str(made["case"].person_id) in people
    assert str(made["other"].person_id) not in people
    assert len(_lines(out, "people.householdlink")) == 1
    assert len(people) == 2  # the household member is handed over with the person
    assert [n["text"] for n in _lines(out, "casework.casenote")] == ["A synthetic note"]


def test_staff_are_referenced_by_email_and_listed_without_secrets(bundle) -> None:
    out, _made = bundle
    assert _lines(out, "casework.case")[0]["allocated_to"] == "worker@example.org"
    staff = _lines(out, "staff")
    assert {"key": "worker@example.org", "full_name": "Worker One"} in staff
    assert all(set(row) == {"key", "full_name"} for row in staff)
    assert "password" not in (out / "records" / "staff.jsonl").read_text()


def test_every_line_meets_its_schema_and_every_file_its_manifest_hash(bundle) -> None:
    out, _made = bundle
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == "haven-handover"
    assert manifest["contract"]["slug"] == "ours"
    for relative, meta in manifest["files"].items():
        assert hashlib.sha256((out / relative).read_bytes()).hexdigest() == meta["sha256"]
    for name, entry in manifest["types"].items():
        schema = json.loads((out / entry["schema"]).read_text())
        validator = Draft202012Validator(schema)
        lines = (out / entry["records"]).read_text().splitlines()
        assert len(lines) == entry["count"], name
        for line in lines:
            validator.validate(json.loads(line))
    assert read_bundle(out).problems == []


def test_the_csv_rendering_has_a_header_and_a_row_per_record(bundle) -> None:
    out, made = bundle
    with open(out / "csv" / "casework.case.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["id"] for row in rows] == [str(made["case"].pk)]
    assert rows[0]["allocated_to"] == "worker@example.org"
    assert rows[0]["closed_at"] == ""  # null is an empty cell


def test_the_audit_trail_of_the_records_is_in_the_bundle(bundle) -> None:
    out, _made = bundle
    events = _lines(out, "core.auditevent")
    assert all("id" not in event for event in events)
    assert [e["occurred_at"] for e in events] == sorted(e["occurred_at"] for e in events)


def test_export_refuses_a_directory_that_is_not_empty(bundle) -> None:
    out, _made = bundle
    with pytest.raises(CommandError, match="not empty"):
        call_command("handover", "export", "--contract", "ours", "--out", str(out))


def test_an_unknown_contract_is_named(db, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="unknown contract 'nope'"):
        call_command("handover", "export", "--contract", "nope", "--out", str(tmp_path / "x"))
