"""Erasure requests (reference.md s7: Right to erasure Art. 17; Erasure limits)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from haven.people.models import Person
from haven.retention.models import Anonymisation, ErasureDecision, RetentionItem
from haven.retention.services import (
    erasure_request_decide,
    erasure_request_log,
    legal_hold_place,
    retention_scan,
)
from haven.retention.tests.conftest import closed_person

pytestmark = pytest.mark.django_db


def _log(person, dpo, received=dt.date(2026, 1, 31)):
    return erasure_request_log(
        person=person,
        received_on=received,
        grounds="consent_withdrawn",
        details="By letter",
        logged_by=dpo,
    )


def test_reference_s7_an_erasure_request_is_due_one_calendar_month_after_receipt(personas, dpo):
    person = closed_person(personas)
    # 31 January + one month = 28 February 2026 (a Saturday): the next working day, 2 March
    assert _log(person, dpo).due_on == dt.date(2026, 3, 2)
    assert _log(person, dpo, received=dt.date(2026, 11, 10)).due_on == dt.date(2026, 12, 10)


def test_a_request_needs_a_received_date_in_the_past_and_grounds(personas, dpo):
    person = closed_person(personas)
    with pytest.raises(ValidationError) as refused:
        erasure_request_log(
            person=person, received_on=None, grounds="nonsense", details="", logged_by=dpo
        )
    assert set(refused.value.message_dict) == {"received_on", "grounds"}


def test_reference_s7_a_refusal_needs_an_article_17_3_reason(personas, dpo):
    request = _log(closed_person(personas), dpo)
    with pytest.raises(ValidationError) as refused:
        erasure_request_decide(request=request, decision="refuse", decided_by=dpo)
    assert "refusal_reason" in refused.value.message_dict
    decided = erasure_request_decide(
        request=request, decision="refuse", refusal_reason="legal_claims", decided_by=dpo
    )
    assert decided.get_refusal_reason_display().endswith("defence of legal claims")
    assert not Anonymisation.objects.exists()


def test_erase_is_carried_out_through_the_retention_path_and_settles_open_items(personas, dpo):
    person = closed_person(personas)
    retention_scan()
    request = _log(person, dpo)
    decided = erasure_request_decide(
        request=request,
        decision="erase",
        decided_by=dpo,
        recipients_to_tell="Synthetic Housing Association (referral shared 2025)",
    )
    assert decided.carried_out_at is not None
    assert decided.details == ""
    assert Person.objects.get(pk=person.pk).given_name == "[anonymised]"
    done = Anonymisation.objects.get(person=person)
    assert (done.method, done.erasure_request) == ("erase", decided)
    assert RetentionItem.objects.get(person=person).status == "done"
    with pytest.raises(ValidationError, match="already been decided"):
        erasure_request_decide(request=request, decision="erase", decided_by=dpo)


def test_a_legal_hold_stops_an_erasure_request_and_nothing_is_recorded(personas, dpo):
    person = closed_person(personas)
    legal_hold_place(placed_by=dpo, reason="Litigation hold", person=person)
    request = _log(person, dpo)
    with pytest.raises(ValidationError, match="legal hold"):
        erasure_request_decide(request=request, decision="anonymise", decided_by=dpo)
    request.refresh_from_db()
    assert request.decision == ErasureDecision.PENDING
    assert request.decided_at is None
    assert Person.objects.get(pk=person.pk).given_name != "[anonymised]"


def test_holds_need_a_reason_and_are_lifted_once(personas, dpo):
    person = closed_person(personas)
    with pytest.raises(ValidationError) as refused:
        legal_hold_place(placed_by=dpo, reason=" ", person=person)
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError):
        legal_hold_place(placed_by=personas.service_manager, reason="x", person=person)
