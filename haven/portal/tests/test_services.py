"""The front door's writes (seed 002 s3.6, s3.1; seed 001 s5)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haven.core.models import AuditEvent
from haven.portal import codes
from haven.portal.models import ChatBooking, PublicAttempt, QuickQuestion
from haven.portal.services import (
    LIMITS,
    SelfReferral,
    attempt_allowed,
    chat_booking_create,
    free_slots,
    quick_question_answer,
    quick_question_ask,
    quick_question_collect,
    self_referral_submit,
    takes_quick_questions,
    takes_self_referrals,
)
from haven.referrals.models import ReceivedVia

pytestmark = pytest.mark.django_db

ANSWERS = SelfReferral(
    given_name="Testy",
    family_name="Synthetic",
    phone="07700 900982",
    what_happened="My neighbour keeps shouting at me and damaged my car.",
    contact_by=("phone", "sms"),
    safe_times=({"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "12:00"},),
    harmer_at_address="no",
    code_word="bluebell",
    do_not_say="Do not say who you are if a man answers",
)


def test_who_takes_what(victim_first, safe_home, wokingham):
    """seed 002 s3.6: Victim First takes self-referrals and quick questions; seed 001 s5: Safe
    Home takes referrals only from the three Leicester services."""
    assert takes_self_referrals(victim_first)
    assert takes_quick_questions(victim_first)
    assert takes_self_referrals(wokingham)
    assert not takes_quick_questions(wokingham)
    assert not takes_self_referrals(safe_home)


def test_seed_002_s3_6_self_referral_creates_person_safe_contact_and_web_referral(victim_first):
    sent = self_referral_submit(contract=victim_first, answers=ANSWERS)
    referral = sent.referral
    assert referral.route == "self_referral"
    assert referral.received_via == ReceivedVia.WEB
    assert referral.entered_by is None
    assert referral.presenting_need == ANSWERS.what_happened  # in their own words (s3.1)
    assert referral.contact_method == "mobile_phone"
    safe = referral.person.safe_contact
    assert safe.safe_phone == "07700 900982"
    assert safe.texts_allowed
    assert not safe.voicemail_allowed
    assert not safe.email_safe
    assert safe.letters == "never"
    assert safe.code_word == "bluebell"
    assert safe.harmer_at_address == "no"
    assert "Do not say who you are" in safe.notes
    assert safe.safe_times == [{"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "12:00"}]
    assert referral.person.organisation == victim_first.provider
    assert sent.booking is None
    assert sent.code is None


def test_not_safe_to_contact_records_no_safe_channel(victim_first):
    answers = SelfReferral(
        given_name="Testy",
        what_happened="x",
        safe_to_contact=False,
        contact_by=("phone",),
        phone="07700 900982",
    )
    referral = self_referral_submit(contract=victim_first, answers=answers).referral
    safe = referral.person.safe_contact
    assert safe.safe_phone == ""
    assert not safe.texts_allowed
    assert "not safe to contact" in safe.notes
    assert referral.consent_to_contact is False


def test_seed_001_s5_safe_home_refuses_self_referrals(safe_home):
    with pytest.raises(PermissionDenied):
        self_referral_submit(contract=safe_home, answers=ANSWERS)


def test_seed_002_s3_6_booking_a_chat_gives_a_code_stored_only_as_a_hash(victim_first):
    slot = free_slots(victim_first)[0]
    sent = self_referral_submit(
        contract=victim_first, answers=ANSWERS, slot_key=slot.key, consent_to_transcript=True
    )
    booking = sent.booking
    assert booking.referral == sent.referral
    assert booking.starts_at == slot.starts_at
    assert booking.consent_to_transcript
    assert booking.code_hash == codes.code_hash(sent.code)
    assert sent.code not in booking.code_hash
    assert slot not in free_slots(victim_first)  # capacity 1 (s3.11: one chat taker)


def test_a_taken_slot_is_refused_and_nothing_is_half_saved(victim_first):
    slot = free_slots(victim_first)[0]
    chat_booking_create(
        contract=victim_first, slot_key=slot.key, referral=None, consent_to_transcript=False
    )
    people_before = victim_first.referrals.count()
    with pytest.raises(ValidationError) as refused:
        self_referral_submit(contract=victim_first, answers=ANSWERS, slot_key=slot.key)
    assert "slot" in refused.value.message_dict
    assert victim_first.referrals.count() == people_before
    assert ChatBooking.objects.count() == 1


def test_a_forged_slot_is_refused(victim_first):
    with pytest.raises(ValidationError):
        chat_booking_create(
            contract=victim_first,
            slot_key="2020-01-01T00:00:00+00:00",
            referral=None,
            consent_to_transcript=False,
        )


def test_seed_002_s3_6_quick_question_word_limit(victim_first):
    with pytest.raises(ValidationError) as refused:
        quick_question_ask(contract=victim_first, question="word " * 101)
    assert "100 words or fewer" in refused.value.message_dict["question"][0]
    with pytest.raises(ValidationError):
        quick_question_ask(contract=victim_first, question="a" * 5000)
    with pytest.raises(ValidationError):
        quick_question_ask(contract=victim_first, question="   ")
    assert QuickQuestion.objects.count() == 0


def test_seed_002_s3_6_quick_question_answered_and_collected(victim_first, personas, wokingham):
    question, code = quick_question_ask(
        contract=victim_first, question="Can you help if I have not told the police?"
    )
    assert question.code_hash == codes.code_hash(code)
    assert quick_question_collect(code=code).answer == ""
    with pytest.raises(PermissionDenied):
        quick_question_answer(
            question=question, answered_by=personas.other_provider_caseworker, answer="Yes"
        )
    quick_question_answer(
        question=question, answered_by=personas.caseworker, answer="Yes, you do not need to."
    )
    with pytest.raises(ValidationError):
        quick_question_answer(question=question, answered_by=personas.caseworker, answer="Again")
    found = quick_question_collect(code=code.lower().replace("-", " "))
    assert found.answer == "Yes, you do not need to."
    assert found.collected_at is not None
    assert quick_question_collect(code="00000-00000") is None
    assert quick_question_collect(code="---") is None
    with pytest.raises(PermissionDenied):
        quick_question_ask(contract=wokingham, question="Hello?")
    assert AuditEvent.objects.filter(object_id=str(question.pk)).count() == 2


def test_rate_limit_counts_in_the_database_per_client():
    now = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    limit = LIMITS["collect"].count
    for _ in range(limit):
        assert attempt_allowed(action="collect", address="192.0.2.1", now=now)
    assert not attempt_allowed(action="collect", address="192.0.2.1", now=now)
    assert attempt_allowed(action="collect", address="192.0.2.2", now=now)  # another client
    assert attempt_allowed(action="collect", address="192.0.2.1", now=now + timedelta(hours=2))
    assert not PublicAttempt.objects.filter(client="192.0.2.1").exists()  # only a hash is kept
