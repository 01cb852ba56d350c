"""Approved items are anonymised or erased; returns' figures stay; the audit trail keeps no
personal data; legal holds stop it; a failure part way leaves nothing half-done.

reference.md s7 (Retention: kept no longer than necessary; Right to erasure Art. 17)."""

from __future__ import annotations

import datetime as dt
import json
from unittest import mock

import pytest
from django.core.management import call_command

from haven.casework.models import CaseNote
from haven.core.auditor import audit_event
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import EqualityData, Person, PersonAlias, SafeContact
from haven.referrals.models import Referral
from haven.reporting.services import return_sign_off
from haven.reporting.tests.signoff_world import IN_QUARTER, build_signoff_world
from haven.retention import anonymise as anonymise_module
from haven.retention.models import Anonymisation, ItemStatus, RetentionItem
from haven.retention.services import (
    legal_hold_lift,
    legal_hold_place,
    retention_items_approve,
    retention_scan,
)
from haven.retention.tests.conftest import closed_person

pytestmark = pytest.mark.django_db


def _due(personas, count=1, **person):
    people = [closed_person(personas, **person) for _ in range(count)]
    retention_scan()
    return people, list(RetentionItem.objects.filter(person__in=people).order_by("found_at", "pk"))


def test_anonymising_clears_names_contacts_addresses_safe_contact_and_free_text(personas, dpo):
    (person,), items = _due(personas)
    PersonAlias.objects.create(person=person, name="Old Synthetic Name")
    EqualityData.objects.create(
        person=person, ethnicity="other_white", ethnicity_other="Synthetic detail"
    )
    name, dob = person.full_name, person.date_of_birth
    result = retention_items_approve(items=items, method="anonymise", decided_by=dpo)
    assert len(result.done) == 1
    person.refresh_from_db()
    assert (person.given_name, person.family_name, person.phone, person.email) == (
        "[anonymised]",
        "",
        "",
        "",
    )
    assert (person.address_line_1, person.postcode) == ("", "")
    assert person.date_of_birth == dob
    assert person.local_authority == "Leicester"
    safe = SafeContact.objects.get(person=person)
    assert (safe.safe_phone, safe.code_word, safe.safe_address) == ("", "", "")
    equality = EqualityData.objects.get(person=person)
    assert (equality.ethnicity, equality.ethnicity_other) == ("other_white", "[anonymised]")
    assert PersonAlias.objects.get(person=person).name == "[anonymised]"
    note = CaseNote.objects.get(case__person=person)
    assert note.text == "[anonymised]"
    case = person.cases.get()
    assert case.closure_reason == "[anonymised]"
    assert case.state == "closed"
    assert case.closed_at is not None
    referral = Referral.objects.get(person=person)
    assert (referral.referrer_name, referral.referrer_contact, referral.presenting_need) == (
        "[anonymised]",
        "[anonymised]",
        "[anonymised]",
    )
    assert referral.received_at is not None
    assert referral.decision == "accepted"
    assert name not in json.dumps(list(Person.objects.filter(pk=person.pk).values()), default=str)
    item = RetentionItem.objects.get(pk=items[0].pk)
    assert (item.status, item.method, item.decided_by) == (ItemStatus.DONE, "anonymise", dpo)
    done = Anonymisation.objects.get(person=person)
    assert done.fields_cleared > 10
    assert done.done_by == dpo


def test_erasing_also_deletes_what_no_return_counts(personas, dpo):
    (person,), items = _due(personas)
    PersonAlias.objects.create(person=person, name="Old Synthetic Name")
    result = retention_items_approve(items=items, method="erase", decided_by=dpo)
    assert result.refused == {}
    assert not PersonAlias.objects.filter(person=person).exists()
    assert not SafeContact.objects.filter(person=person).exists()
    assert Person.objects.filter(pk=person.pk).exists()  # the returns count their referral and case
    assert Anonymisation.objects.get(person=person).rows_deleted == 2


def test_the_audit_trail_keeps_no_personal_data_of_the_anonymised_person(personas, dpo):
    (person,), items = _due(personas)
    name, phone = person.given_name, person.phone
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.UPDATE,
        target=person,
        changes={
            "given_name": ["Someone", name],
            "phone": ["", phone],
            "interpreter_needed": [False, True],
        },
    )
    note = CaseNote.objects.get(case__person=person)
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.CREATE,
        target=note,
        changes={"text": note.text},
    )
    retention_items_approve(items=items, method="anonymise", decided_by=dpo)
    person_events = AuditEvent.objects.filter(object_id=str(person.pk))
    dumped = json.dumps([[e.changes, e.reason] for e in AuditEvent.objects.all()])
    assert name not in dumped
    assert phone not in dumped
    assert "Synthetic Road" not in dumped
    edit = person_events.get(action="update", actor=personas.caseworker)
    # who did what, when, to which record stays; values of identifying fields go
    assert edit.changes == {
        "given_name": ["[erased]", "[erased]"],
        "phone": ["", "[erased]"],
        "interpreter_needed": [False, True],
    }
    done = person_events.get(actor=dpo, action="update")
    assert done.changes["retention"] == "anonymise"
    assert done.changes["audit_events_redacted"] >= 2


def test_a_legal_hold_stops_anonymisation_until_it_is_lifted(personas, dpo):
    (person,), items = _due(personas)
    name = person.given_name
    hold = legal_hold_place(
        placed_by=dpo, reason="Police asked us to preserve the records", person=person
    )
    result = retention_items_approve(items=items, method="anonymise", decided_by=dpo)
    assert result.done == []
    assert "legal hold" in result.refused[str(items[0].pk)]
    person.refresh_from_db()
    assert person.given_name == name
    legal_hold_lift(hold=hold, lifted_by=dpo, reason="Proceedings concluded")
    assert len(retention_items_approve(items=items, method="anonymise", decided_by=dpo).done) == 1


def test_a_hold_on_one_case_covers_the_person(personas, dpo):
    (person,), items = _due(personas)
    legal_hold_place(placed_by=dpo, reason="Civil claim", case=person.cases.get())
    assert retention_items_approve(items=items, method="erase", decided_by=dpo).done == []


def test_an_exception_mid_batch_leaves_nothing_half_done(personas, dpo):
    people, items = _due(personas, count=3)
    names = {p.pk: p.given_name for p in people}
    real = anonymise_module._redact_audit
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:  # after the second person's rows were already rewritten
            raise RuntimeError("killed")
        return real(*args, **kwargs)

    with (
        mock.patch.object(anonymise_module, "_redact_audit", fail_on_second),
        pytest.raises(RuntimeError),
    ):
        retention_items_approve(items=items, method="anonymise", decided_by=dpo)
    first, second, third = (Person.objects.get(pk=item.person_id) for item in items)
    assert first.given_name == "[anonymised]"
    assert RetentionItem.objects.get(pk=items[0].pk).status == ItemStatus.DONE
    # the failed person: every row as before, no decision recorded
    assert second.given_name == names[second.pk]
    assert second.phone == "07700 900456"
    assert "Synthetic Road" in CaseNote.objects.get(case__person=second).text
    assert SafeContact.objects.get(person=second).code_word == "bluebell"
    assert RetentionItem.objects.get(pk=items[1].pk).status == ItemStatus.DUE
    assert not Anonymisation.objects.filter(person=second).exists()
    assert third.given_name == names[third.pk]
    # and the batch can simply be run again
    again = retention_items_approve(items=items, method="anonymise", decided_by=dpo)
    assert len(again.done) == 2
    assert len(again.refused) == 1


def test_only_the_data_protection_officer_decides(personas):
    _, items = _due(personas)
    from django.core.exceptions import ValidationError

    for user in (personas.service_manager, personas.auditor, personas.caseworker):
        with pytest.raises(ValidationError):
            retention_items_approve(items=items, method="anonymise", decided_by=user)


def _returns_output(contract, tmp_path, name):
    out = tmp_path / name
    call_command("returns", contract.slug, "--period", "2026-Q1", "--out", str(out))
    data = json.loads(out.read_bytes())
    data.pop("generated_at")  # the time it was computed; every figure stays
    return data


def test_signed_off_return_and_a_fresh_computation_are_unchanged_after_anonymisation(
    personas, dpo, tmp_path
):
    """reference.md s7 / ADR 0011: anonymisation keeps what returns count, so the signed-off
    figures and a fresh `haven returns` for that period are the same afterwards."""
    world = build_signoff_world(personas, referrals=6)
    people = [referral.person for referral in world.referrals]
    for index, referral in enumerate(world.referrals[:4]):
        from haven.testing.casework import CaseFactory, CaseNoteFactory

        case = CaseFactory(
            contract=world.contract,
            referral=referral,
            person=referral.person,
            state="closed",
            opened_at=IN_QUARTER + dt.timedelta(days=1),
            first_contact_at=IN_QUARTER + dt.timedelta(days=1, hours=index),
            closed_at=IN_QUARTER + dt.timedelta(days=20),
            exit_type="planned" if index % 2 else "unplanned",
            closure_reason="Moved to another area",
        )
        CaseNoteFactory(case=case, text=f"Spoke to {referral.person.full_name}")
        EqualityData.objects.create(person=referral.person, sex="female", ethnicity="white_british")
    world.referrals[4].person.is_child = False
    snapshot = return_sign_off(
        contract=world.contract,
        period=world.period,
        signed_off_by=personas.service_manager,
        now=dt.datetime(2026, 8, 1, tzinfo=dt.UTC),
    )
    figures, sha = snapshot.figures, snapshot.export_sha256
    before = _returns_output(world.contract, tmp_path, "before.json")

    # every person of the return is anonymised (or erased) as if their records were due
    for index, person in enumerate(people):
        item = RetentionItem.objects.create(
            person=person,
            organisation=person.organisation,
            record_type="adult",
            rule_code="CASE+6",
            trigger_on=dt.date(2026, 6, 1),
            due_on=dt.date(2026, 6, 1),
            found_at=IN_QUARTER,
        )
        method = "erase" if index % 2 else "anonymise"
        assert retention_items_approve(items=[item], method=method, decided_by=dpo).done
    assert all(
        p.given_name == "[anonymised]" for p in Person.objects.filter(pk__in=[p.pk for p in people])
    )

    after = _returns_output(world.contract, tmp_path, "after.json")
    snapshot.refresh_from_db()
    assert (snapshot.figures, snapshot.export_sha256) == (figures, sha)
    assert after == before
    assert any(m.get("value") for m in _measures(before))  # the return counts something


def _measures(data):
    found = []

    def walk(value):
        if isinstance(value, dict):
            if "value" in value:
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found
