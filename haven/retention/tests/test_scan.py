"""The due list (reference.md s7: retention per record type; CASE+6, DOB+25, 6+ defaults)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from haven.casework.models import CaseState
from haven.core.models import AuditEvent
from haven.retention.models import ItemStatus, RetentionItem
from haven.retention.services import legal_hold_place, retention_items_defer, retention_scan
from haven.retention.tests.conftest import closed_person
from haven.testing.casework import CaseFactory, CaseworkPersonFactory, ReferralFactory

pytestmark = pytest.mark.django_db


def test_case_plus_6_a_case_closed_over_six_years_ago_is_due(personas):
    person = closed_person(personas, closed_at=dt.datetime(2019, 1, 10, tzinfo=dt.UTC))
    recent = closed_person(personas, closed_at=timezone.now() - dt.timedelta(days=365 * 5))
    result = retention_scan(today=dt.date(2026, 12, 7))
    assert result.added == 1
    item = RetentionItem.objects.get()
    assert item.person == person
    assert (item.rule_code, item.record_type) == ("CASE+6", "adult")
    assert item.due_on == dt.date(2025, 1, 10)
    assert not RetentionItem.objects.filter(person=recent).exists()
    event = AuditEvent.objects.get(object_type="retention.retentionitem")
    assert event.actor_label == "system"


def test_running_the_scan_twice_adds_nothing_new(personas):
    closed_person(personas)
    assert retention_scan().added == 1
    assert retention_scan().added == 0
    assert RetentionItem.objects.count() == 1


def test_an_open_case_or_a_pending_referral_is_never_due(personas):
    person = closed_person(personas)
    CaseFactory(
        contract=personas.contract,
        person=person,
        state=CaseState.ENGAGED,
        referral=ReferralFactory(contract=personas.contract, person=person),
        opened_at=timezone.now(),
    )
    other = closed_person(personas)
    ReferralFactory(contract=personas.contract, person=other, decision="pending")
    assert retention_scan().added == 0


def test_dob_plus_25_a_child_is_kept_until_their_25th_birthday(personas):
    child = closed_person(personas, date_of_birth=dt.date(2005, 3, 1), is_child=True)
    assert retention_scan(today=dt.date(2030, 2, 28)).added == 0
    assert retention_scan(today=dt.date(2030, 3, 1)).added == 1
    item = RetentionItem.objects.get(person=child)
    assert (item.rule_code, item.due_on) == ("DOB+25", dt.date(2030, 3, 1))


def test_six_plus_a_record_without_a_case_runs_from_the_financial_year_end(personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    ReferralFactory(contract=personas.contract, person=person, decision="declined")
    last_change = person.updated_at.date()
    from haven.retention.schedule import financial_year_end

    due = financial_year_end(last_change).replace(year=financial_year_end(last_change).year + 6)
    assert retention_scan(today=due - dt.timedelta(days=1)).added == 0
    assert retention_scan(today=due).added == 1
    assert RetentionItem.objects.get().rule_code == "6+"


def test_a_legal_hold_keeps_a_due_record_off_the_list(personas, dpo):
    held = closed_person(personas)
    case = held.cases.get()
    legal_hold_place(placed_by=dpo, reason="Civil claim notified", case=case)
    result = retention_scan()
    assert (result.added, result.held) == (0, 1)


def test_a_deferred_item_comes_back_when_its_date_passes(personas, dpo):
    closed_person(personas)
    retention_scan()
    item = RetentionItem.objects.get()
    later = timezone.localdate() + dt.timedelta(days=30)
    retention_items_defer(items=[item], until=later, reason="Inquest pending", decided_by=dpo)
    assert retention_scan().back_from_deferral == 0
    result = retention_scan(today=later)
    assert result.back_from_deferral == 1
    item.refresh_from_db()
    assert item.status == ItemStatus.DUE
    assert RetentionItem.objects.count() == 1


def test_haven_retention_due_runs_the_task_idempotently(personas):
    closed_person(personas)
    out = StringIO()
    call_command("retention-due", stdout=out)
    assert "1 new item(s) due for review" in out.getvalue()
    out = StringIO()
    call_command("retention-due", stdout=out)
    assert "0 new item(s)" in out.getvalue()
    assert RetentionItem.objects.count() == 1
