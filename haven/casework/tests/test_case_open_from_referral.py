"""Opening a case creates a task for every deadline rule that applies, citing the seed."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from haven.casework.models import CaseEvent, CaseState
from haven.casework.services import case_open_from_referral
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import ReferralFactory

LONDON = ZoneInfo("Europe/London")
pytestmark = pytest.mark.django_db


def test_victim_first_phone_referral_gets_48_hours_with_3_attempts(open_case, contract_for):
    # seed 002 s3.7: telephone contact within 48 hours of the referral being received, 3 attempts
    received = dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
    case = open_case(
        contract_for("victim-first-2018"), received_at=received, contact_method="mobile_phone"
    )
    (task,) = case.tasks.all()
    assert task.rule_key == "first_contact_phone"
    assert task.due_at == dt.datetime(2026, 12, 3, 10, 0, tzinfo=LONDON)
    assert task.attempts_allowed == 3
    assert task.citation == "seed 002 s3.7"
    assert "48 hours" in task.explanation


def test_victim_first_high_risk_phone_referral_gets_the_24_hour_enhanced_offer(
    open_case, contract_for
):
    received = dt.datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
    case = open_case(
        contract_for("victim-first-2018"), received_at=received, referrer_risk_level="high"
    )
    (task,) = case.tasks.all()
    assert task.rule_key == "first_contact_phone_enhanced"
    assert task.due_at == dt.datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)


def test_dv360_phone_deadline_runs_24_elapsed_hours_from_the_incident(open_case, contract_for):
    # seed 000 s5: by phone within 24 hours of the incident (across the clock change)
    incident = dt.datetime(2026, 10, 24, 23, 0, tzinfo=LONDON)
    case = open_case(
        contract_for("opcc-dv360"),
        incident_at=incident,
        received_at=incident + dt.timedelta(hours=10),
        route="police_workbook",
    )
    (task,) = case.tasks.all()
    assert task.citation == "seed 000 s5"
    assert task.due_at == dt.datetime(2026, 10, 25, 22, 0, tzinfo=LONDON)


def test_wokingham_enquiry_is_answered_within_2_working_days_skipping_the_bank_holiday(
    open_case, contract_for
):
    # seed 003 s6.1: all enquiries responded to within 2 working days
    received = dt.datetime(2026, 8, 28, 16, 0, tzinfo=LONDON)
    case = open_case(contract_for("wokingham-da-2017"), received_at=received, route="self_referral")
    task = case.tasks.get(rule_key="enquiry_response")
    assert task.citation == "seed 003 s6.1"
    assert task.due_at == dt.datetime(2026, 9, 2, 23, 59, 59, tzinfo=LONDON)
    assert "bank holiday" in task.explanation.lower()


def test_opening_is_audited_and_on_the_timeline(open_case, personas):
    case = open_case()
    assert case.state == CaseState.NEW
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(case.pk)).exists()
    assert set(CaseEvent.objects.filter(case=case).values_list("kind", flat=True)) >= {
        "referral_received",
        "case_opened",
    }


def test_opening_twice_for_the_same_referral_returns_the_same_case(personas):
    referral = ReferralFactory(contract=personas.contract)
    first = case_open_from_referral(referral=referral, opened_by=personas.caseworker)
    second = case_open_from_referral(referral=referral, opened_by=personas.caseworker)
    assert first.pk == second.pk


def test_the_timeline_starts_with_the_referral_and_how_it_arrived(open_case, contract_for):
    case = open_case(contract_for("victim-first-2018"), received_via="helpline_call")
    first = case.events.order_by("occurred_at").first()
    assert first.kind == "referral_received"
    assert "helpline call" in first.summary


def test_a_repeat_referral_is_shown_on_the_case_header(client, open_case, personas):
    case = open_case(is_repeat=True)
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert "Repeat referral" in body


def test_a_cornwall_case_opens_without_a_serious_incident_task(open_case, contract_for):
    # seed 004 s9: a serious incident is reported within 3 days of the serious incident itself,
    # which is its own event; the referral's incident time starts no clock on this contract
    incident = dt.datetime.now(dt.UTC) - dt.timedelta(days=2)
    case = open_case(contract_for("cornwall-mens-refuge-2021"), incident_at=incident)
    assert not case.tasks.filter(rule_key="serious_incident_report").exists()
    assert case.tasks.filter(rule_key="risk_assessment_referral").exists()
