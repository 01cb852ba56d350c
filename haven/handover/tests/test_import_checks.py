"""`haven handover import`: checks before anything is written, all-or-nothing, idempotent
(issue 15 items 8 and 9), with the minimal example bundle a migrating service starts from."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from haven.accounts.models import User
from haven.casework.models import Case, ContactAttempt
from haven.core.models import AuditEvent
from haven.handover.models import HandoverResult, HandoverRun
from haven.handover.sealing import seal_bundle
from haven.handover.services import handover_import
from haven.handover.tests.support import copy_example
from haven.people.models import Person
from haven.referrals.models import Referral
from haven.testing.casework import CaseworkPersonFactory
from haven.testing.factories import ContractFactory, UserFactory

pytestmark = pytest.mark.django_db

PERSON_1 = "5f1e0a10-0000-4000-8000-000000000001"


@pytest.fixture
def contract() -> object:
    """The receiving Haven loaded the contract's profile and holds no records of it yet."""
    return ContractFactory(slug="victim-first-2018", name="Victim First")


@pytest.fixture
def example(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "bundle")


def _rewrite(bundle: Path, type_name: str, number: int, **changes: object) -> None:
    path = bundle / "records" / f"{type_name}.jsonl"
    lines = path.read_text().splitlines()
    record = json.loads(lines[number - 1])
    for key, value in changes.items():
        if value is ...:
            record.pop(key)
        else:
            record[key] = value
    lines[number - 1] = json.dumps(record)
    path.write_text("\n".join(lines) + "\n")
    seal_bundle(bundle)


def test_the_minimal_example_bundle_starts_a_migrating_service(contract, example) -> None:
    """issue 15 item 9: people, referrals, cases and attempts are enough to start."""
    outcome = handover_import(path=example, actor=None)

    assert outcome.problems == []
    assert Person.objects.filter(reference_code__startswith="MIG-").count() == 3
    assert Referral.objects.filter(contract=contract).count() == 3
    assert Case.objects.filter(contract=contract).count() == 2
    assert ContactAttempt.objects.filter(case__contract=contract).count() == 3
    staff = User.objects.get(email="sam.caseworker@example.org")
    assert not staff.is_active
    assert not staff.has_usable_password()
    assert outcome.run.result == HandoverResult.DONE
    assert AuditEvent.objects.filter(object_id=str(outcome.run.pk), action="import").exists()


def test_staff_are_matched_by_email_to_existing_accounts(contract, example) -> None:
    sam = UserFactory(email="Sam.Caseworker@example.org")
    handover_import(path=example, actor=None)
    assert Case.objects.filter(contract=contract, allocated_to=sam).count() == 2
    assert User.objects.filter(email__iexact="sam.caseworker@example.org").count() == 1


def test_importing_the_same_bundle_again_changes_nothing_and_says_so(contract, example) -> None:
    handover_import(path=example, actor=None)
    out = StringIO()
    call_command("handover", "import", str(example), stdout=out)
    assert "already held exactly as in the bundle: nothing changed" in out.getvalue()
    assert Case.objects.filter(contract=contract).count() == 2
    assert HandoverRun.objects.filter(result=HandoverResult.ALREADY_HELD).count() == 1


def test_a_dry_run_checks_everything_and_writes_nothing(contract, example) -> None:
    out = StringIO()
    call_command("handover", "import", str(example), "--dry-run", stdout=out)
    assert "would add 14 records" in out.getvalue()
    assert "dry run: nothing was written" in out.getvalue()
    assert not Person.objects.filter(reference_code__startswith="MIG-").exists()
    assert not User.objects.filter(email="sam.caseworker@example.org").exists()


def test_a_file_changed_after_sealing_is_refused_by_its_sha256(contract, example) -> None:
    path = example / "records" / "people.person.jsonl"
    path.write_text(path.read_text().replace("Alex", "Alix"))
    outcome = handover_import(path=example, actor=None)
    assert [str(p) for p in outcome.problems] == [
        "records/people.person.jsonl: SHA-256 differs from the manifest (changed or damaged)"
    ]
    assert not Person.objects.filter(reference_code__startswith="MIG-").exists()


def test_every_bad_line_is_reported_by_file_line_and_field_and_nothing_is_written(
    contract, example
) -> None:
    _rewrite(example, "casework.contactattempt", 2, outcome="answered")
    _rewrite(example, "people.person", 3, given_name=...)
    _rewrite(example, "referrals.referral", 1, received_at="yesterday")
    _rewrite(example, "casework.case", 2, is_restricted="no")
    err = StringIO()
    with pytest.raises(CommandError, match="4 problem"):
        call_command("handover", "import", str(example), stderr=err)
    reported = err.getvalue().splitlines()
    assert "records/casework.case.jsonl line 2: is_restricted: expected boolean" in reported
    assert any(
        line.startswith("records/casework.contactattempt.jsonl line 2: outcome: not one of")
        for line in reported
    )
    assert "records/people.person.jsonl line 3: given_name: missing (required)" in reported
    assert "records/referrals.referral.jsonl line 1: received_at: not a valid date-time" in (
        reported
    )
    assert "Alex" not in err.getvalue()  # values (personal data) are not echoed
    assert not Person.objects.filter(reference_code__startswith="MIG-").exists()
    assert HandoverRun.objects.get().result == HandoverResult.REFUSED


def test_a_reference_to_a_record_that_is_nowhere_is_reported(contract, example) -> None:
    _rewrite(example, "casework.case", 1, referral="00000000-0000-4000-8000-0000000000ff")
    outcome = handover_import(path=example, actor=None)
    assert [str(p) for p in outcome.problems] == [
        "records/casework.case.jsonl line 1: referral: refers to a referrals.referral that is "
        "neither in the bundle nor in this Haven"
    ]


def test_a_contract_already_holding_records_is_refused(contract, example) -> None:
    handover_import(path=example, actor=None)
    _rewrite(example, "casework.contactattempt", 1, outcome="voicemail_left")
    outcome = handover_import(path=example, actor=None)
    assert "already holds records of the contract" in str(outcome.problems[0])
    assert ContactAttempt.objects.filter(outcome="voicemail_left").count() == 0


def test_a_contract_this_haven_has_no_profile_for_is_refused(example) -> None:
    outcome = handover_import(path=example, actor=None)
    assert "load its profile first" in str(outcome.problems[0])


def test_a_person_this_haven_already_holds_is_kept_not_overwritten(contract, example) -> None:
    """A person shared with another contract keeps this Haven's record; their case joins it."""
    held = CaseworkPersonFactory(id=PERSON_1, given_name="Already", reference_code="HELD-1")
    outcome = handover_import(path=example, actor=None)
    assert outcome.report is not None
    assert outcome.report.kept["people.person"] == 1
    held.refresh_from_db()
    assert held.given_name == "Already"
    assert Case.objects.filter(person=held, contract=contract).count() == 1


def test_an_imported_persons_phone_is_found_through_this_havens_blind_index(
    contract, example
) -> None:
    """ADR 0019: blind indexes are keyed per Haven, so a bundle carries none; the import computes
    them with the receiving Haven's key and a phone lookup finds the person."""
    record = json.loads((example / "records" / "people.person.jsonl").read_text().splitlines()[0])
    assert "phone_index" not in record

    handover_import(path=example, actor=None)

    assert [str(p.pk) for p in Person.objects.with_phone("07700 900001")] == [PERSON_1]
