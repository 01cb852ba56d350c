"""The front door's writes: a self-referral (person, safe-contact preferences, referral and an
optional web chat booking, all or nothing), quick questions and their answers, and the
database-held rate limits of the public forms. Keyword-only, atomic, audited; the person is
not signed in, so the audit actor is the system (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.contracts.profiles.front_door import FrontDoorSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines.opening_hours import OpeningHours
from haven.people.services import person_create, safe_contact_update
from haven.portal import codes
from haven.portal.models import ChatBooking, ChatBookingStatus, PublicAttempt, QuickQuestion
from haven.portal.slots import Slot, chat_slots
from haven.referrals.models import ReceivedVia, Referral
from haven.referrals.services import referral_create
from haven.validators import refuse, text_problem

SELF_REFERRAL_ROUTE = "self_referral"
QUICK_QUESTIONS_ROUTE = "quick_questions"
# Chats that still hold their slot (a cancelled or missed one frees it).
LIVE_STATUSES = (ChatBookingStatus.BOOKED, ChatBookingStatus.WAITING, ChatBookingStatus.IN_PROGRESS)
ANSWER_MAX_LENGTH = 5_000
QUESTION_MAX_LENGTH = 4_000  # characters, whatever the word limit
CODE_ATTEMPTS = 5


# ---- what the profile allows ---------------------------------------------------------------


def front_door_of(contract: Contract) -> FrontDoorSpec | None:
    """The profile's `front_door:` block; None when the service has no public page."""
    raw = (contract.profile or {}).get("front_door")
    return FrontDoorSpec.model_validate(raw) if isinstance(raw, dict) else None


def public_contracts() -> list[Contract]:
    """Active contracts with a public information page (a `front_door:` block)."""
    return [c for c in Contract.objects.filter(is_active=True) if front_door_of(c) is not None]


def public_contract(slug: str) -> Contract | None:
    contract = Contract.objects.filter(slug=slug, is_active=True).first()
    return contract if contract is not None and front_door_of(contract) is not None else None


def takes_self_referrals(contract: Contract) -> bool:
    """The profile says yes and lists a self-referral route (seed 001 s5, 002 s3.6, 003 s7,
    004 s7.1); services fed only by other agencies (Safe Home, DV360, target hardening) do not."""
    spec = front_door_of(contract)
    routes = {r.get("key") for r in contract.profile.get("referral_routes") or []}
    return bool(spec and spec.self_referral and SELF_REFERRAL_ROUTE in routes)


def offers_web_chat(contract: Contract) -> bool:
    """seed 002 s3.6: a chat slot needs the service's opening hours to publish slots in."""
    spec = front_door_of(contract)
    return bool(spec and spec.web_chat and profile_of(contract).opening_hours is not None)


def takes_quick_questions(contract: Contract) -> bool:
    spec = front_door_of(contract)
    return bool(spec and spec.quick_questions)


def opening_hours_of(contract: Contract) -> OpeningHours | None:
    return profile_of(contract).service_clock().opening_hours


def free_slots(contract: Contract, *, now: datetime | None = None) -> list[Slot]:
    """The chat slots still open to booking (seed 002 s3.6: within 5 working days)."""
    spec = front_door_of(contract)
    hours = opening_hours_of(contract)
    if spec is None or spec.web_chat is None or hours is None:
        return []
    now = now or timezone.now()
    booked = ChatBooking.objects.filter(
        contract=contract, status__in=LIVE_STATUSES, starts_at__gte=now
    ).values_list("starts_at", flat=True)
    return chat_slots(
        now=now,
        hours=hours,
        slot_minutes=spec.web_chat.slot_minutes,
        within_working_days=spec.web_chat.within_working_days,
        booked=list(booked),
        capacity=spec.web_chat.capacity,
    )


# ---- rate limits ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Limit:
    count: int
    per: timedelta


LIMITS = {
    "self_referral": Limit(5, timedelta(hours=1)),
    "question": Limit(5, timedelta(hours=1)),
    "collect": Limit(10, timedelta(hours=1)),  # wrong codes cannot be tried for long
}


def client_key(address: str) -> str:
    """An HMAC of the client address: the address itself is never stored."""
    return salted_hmac(
        "haven.portal.attempts", address or "unknown", algorithm="sha256"
    ).hexdigest()


def attempt_allowed(*, action: str, address: str, now: datetime | None = None) -> bool:
    """Record one use of a public form by this client; False once the limit for the action is
    reached in its window. Held in the database so it counts across every web worker."""
    limit = LIMITS[action]
    now = now or timezone.now()
    client = client_key(address)
    since = now - limit.per
    with transaction.atomic():
        PublicAttempt.objects.filter(at__lt=now - timedelta(days=1)).delete()
        used = PublicAttempt.objects.filter(action=action, client=client, at__gte=since).count()
        if used >= limit.count:
            return False
        PublicAttempt.objects.create(action=action, client=client, at=now)
    return True


# ---- self-referral -------------------------------------------------------------------------


@dataclass(frozen=True)
class SelfReferral:
    """What the person told us, step by step (see forms.py)."""

    given_name: str
    what_happened: str
    family_name: str = ""
    phone: str = ""
    email: str = ""
    postcode: str = ""
    safe_to_contact: bool = True
    contact_by: tuple[str, ...] = ()
    safe_times: tuple[dict[str, Any], ...] = ()
    harmer_at_address: str = "unknown"
    code_word: str = ""
    do_not_say: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


CONTACT_METHOD_OF = {"phone": "mobile_phone", "sms": "sms", "email": "email", "letter": "post"}


def _safe_contact(answers: SelfReferral) -> dict[str, Any]:
    """reference §5.1: only what the person said is safe; anything not said is not safe."""
    by = set(answers.contact_by) if answers.safe_to_contact else set()
    notes = []
    if not answers.safe_to_contact:
        notes.append(
            "The person said it is not safe to contact them: wait for them to get in touch"
        )
    if answers.do_not_say:
        notes.append(f"What not to say or do (from the online form): {answers.do_not_say}")
    return {
        "safe_phone": answers.phone if by & {"phone", "sms", "voicemail"} else "",
        "voicemail_allowed": "voicemail" in by,
        "texts_allowed": "sms" in by,
        "email_safe": "email" in by,
        "letters": "any_address" if "letter" in by else "never",
        "safe_times": list(answers.safe_times),
        "harmer_at_address": answers.harmer_at_address,
        "code_word": answers.code_word,
        "notes": "\n".join(notes),
    }


def _contact_method(answers: SelfReferral) -> str:
    for choice in ("phone", "sms", "email", "letter"):
        if answers.safe_to_contact and choice in answers.contact_by:
            return CONTACT_METHOD_OF[choice]
    return ""


@dataclass(frozen=True)
class Submitted:
    referral: Referral
    booking: ChatBooking | None
    code: str | None  # shown once, never stored


@transaction.atomic
def self_referral_submit(
    *,
    contract: Contract,
    answers: SelfReferral,
    slot_key: str | None = None,
    consent_to_transcript: bool = False,
    now: datetime | None = None,
) -> Submitted:
    """Record the person, their safe-contact preferences and a self-referral received via the
    web form (seed 002 s3.6), with a web chat if they chose a slot. All or nothing.

    seed 002 s3.1: "for self-referrals ... the victim's perception that they are either a victim
    of crime or high level ASB shall be accepted. No proof shall be required": nothing here asks
    for proof, and what happened is kept in their own words."""
    if not takes_self_referrals(contract):
        raise PermissionDenied("This service does not take self-referrals online")
    now = now or timezone.now()
    refuse(
        {
            "what_happened": text_problem(
                answers.what_happened, subject="What happened", limit=5_000
            ),
            "do_not_say": text_problem(answers.do_not_say, subject="What not to say", limit=1_000),
        }
    )
    person = person_create(
        created_by=None,  # type: ignore[arg-type]  # the person referred themselves
        organisation=contract.provider,
        details={
            "given_name": answers.given_name,
            "family_name": answers.family_name,
            "phone": answers.phone,
            "email": answers.email,
            "postcode": answers.postcode,
        },
    )
    safe_contact_update(person=person, updated_by=None, preferences=_safe_contact(answers))  # type: ignore[arg-type]
    referral = referral_create(
        contract=contract,
        person=person,
        entered_by=None,
        route=SELF_REFERRAL_ROUTE,
        received_at=now,
        received_via=ReceivedVia.WEB,
        source="portal",
        contact_method=_contact_method(answers),
        consent_to_contact=answers.safe_to_contact,
        presenting_need=answers.what_happened,
    )
    booking, code = None, None
    if slot_key:
        booking, code = chat_booking_create(
            contract=contract,
            slot_key=slot_key,
            referral=referral,
            consent_to_transcript=consent_to_transcript,
            now=now,
        )
    return Submitted(referral=referral, booking=booking, code=code)


@transaction.atomic
def chat_booking_create(
    *,
    contract: Contract,
    slot_key: str,
    referral: Referral | None,
    consent_to_transcript: bool,
    now: datetime | None = None,
) -> tuple[ChatBooking, str]:
    """Book a web chat in a free slot (seed 002 s3.6) and return the one-time code to join it.
    The contract row is locked, so two people cannot both take the last place in a slot."""
    if not offers_web_chat(contract):
        raise PermissionDenied("This service does not offer web chats")
    Contract.objects.select_for_update().filter(pk=contract.pk).first()
    slot = next((s for s in free_slots(contract, now=now) if s.key == slot_key), None)
    if slot is None:
        raise ValidationError(
            {"slot": "That web chat time has just been taken or has passed: choose another time"}
        )
    code = codes.new_code()
    booking = ChatBooking.objects.create(
        contract=contract,
        referral=referral,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        code_hash=codes.code_hash(code),
        consent_to_transcript=consent_to_transcript,
    )
    audit_event(
        actor=None,
        action=AuditAction.CREATE,
        target=booking,
        changes={"starts_at": [None, slot.starts_at.isoformat()]},
    )
    return booking, code


# ---- quick questions -----------------------------------------------------------------------


def word_count(text: str) -> int:
    return len(re.findall(r"\S+", text))


def question_problem(contract: Contract, question: str) -> str | None:
    spec = front_door_of(contract)
    limit = spec.quick_questions.word_limit if spec and spec.quick_questions else 100
    if not question.strip():
        return "Enter your question"
    too_long = text_problem(question, subject="Your question", limit=QUESTION_MAX_LENGTH)
    if too_long:
        return too_long
    words = word_count(question)
    if words > limit:  # seed 002 s3.6: "a word limit may be applied"
        return f"Your question must be {limit} words or fewer (it has {words})"
    return None


@transaction.atomic
def quick_question_ask(
    *, contract: Contract, question: str, now: datetime | None = None
) -> tuple[QuickQuestion, str]:
    """A quick question (seed 002 s3.6) and the one-time code to collect its answer."""
    if not takes_quick_questions(contract):
        raise PermissionDenied("This service does not take quick questions")
    refuse({"question": question_problem(contract, question)})
    code = codes.new_code()
    asked = QuickQuestion.objects.create(
        contract=contract,
        question=question.strip(),
        asked_at=now or timezone.now(),
        code_hash=codes.code_hash(code),
    )
    audit_event(actor=None, action=AuditAction.CREATE, target=asked, changes={})
    return asked, code


@transaction.atomic
def quick_question_answer(
    *, question: QuickQuestion, answered_by: User, answer: str
) -> QuickQuestion:
    """Staff answer a quick question once; the person collects it with their code."""
    from haven.portal.rules import may_answer

    if not may_answer(answered_by, question.contract):
        raise PermissionDenied("You cannot answer this service's quick questions")
    question = QuickQuestion.objects.select_for_update().get(pk=question.pk)
    if question.is_answered:
        raise ValidationError({"answer": "This question has already been answered"})
    refuse(
        {
            "answer": "Enter an answer"
            if not answer.strip()
            else text_problem(answer, subject="The answer", limit=ANSWER_MAX_LENGTH)
        }
    )
    question.answer = answer.strip()
    question.answered_at = timezone.now()
    question.answered_by = answered_by
    question.save(update_fields=["answer", "answered_at", "answered_by", "updated_at"])
    audit_event(
        actor=answered_by,
        action=AuditAction.UPDATE,
        target=question,
        changes={"answered": [False, True]},
    )
    return question


@transaction.atomic
def quick_question_collect(*, code: str, now: datetime | None = None) -> QuickQuestion | None:
    """The question a code belongs to (answered or not yet), or None for an unknown code.
    The first time an answer is read is kept (collected_at)."""
    if not codes.normalise(code):
        return None
    found = QuickQuestion.objects.filter(code_hash=codes.code_hash(code)).first()
    if found is not None and found.is_answered and found.collected_at is None:
        found.collected_at = now or timezone.now()
        found.save(update_fields=["collected_at", "updated_at"])
    return found
