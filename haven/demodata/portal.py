"""Demo front door (issue 14): self-referrals made through the online form of every contract
whose profile takes them (seed 001 s5, 002 s3.6, 003 s7, 004 s7.1), secure web chats booked
with Victim First's (seed 002 s3.6) and quick questions, some answered (seed 002 s3.6). Written
through the portal's services, with names from this part's own random stream (synthetic people:
Faker names, drama-range phone numbers).

One chat and one quick question get known codes, so the demo can be tried: DEMO1-CHAT1 joins
the first booked web chat at /chat/, DEMO1-QUEST collects an answered quick question at
/questions/answer/.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.contracts.models import Contract
from haven.demodata.identities import Pools
from haven.people.models import Person
from haven.portal import codes
from haven.portal.models import ChatBooking, QuickQuestion
from haven.portal.services import (
    SelfReferral,
    free_slots,
    quick_question_answer,
    quick_question_ask,
    self_referral_submit,
    takes_quick_questions,
    takes_self_referrals,
)
from haven.referrals.models import Referral

STREAM = 18  # this part's own random stream: seed + STREAM
SELF_REFERRALS = 3  # per contract, over the last month
CHATS = 2  # Victim First self-referrals today with a web chat booked
DEMO_CHAT_CODE = "DEMO1-CHAT1"
DEMO_QUESTION_CODE = "DEMO1-QUEST"
WHAT_HAPPENED = (
    "Synthetic: my partner checks my phone and will not let me see my friends.",
    "Synthetic: my ex keeps turning up at my work and sending messages all night.",
    "Synthetic: someone in my street has damaged my car three times this month.",
    "Synthetic: my son has become frightening when he drinks and takes my money.",
    "Synthetic: I was assaulted on the way home and I cannot sleep since.",
)
QUESTIONS = (
    (
        "Do I have to report to the police before you can help me?",
        "No. You can talk to us "
        "whether or not you have told the police, and we will not tell them without asking you.",
    ),
    ("Is your service free?", "Yes, our support is free and confidential."),
    (
        "Can you help my sister? She does not know I am asking.",
        "Yes, we can give you advice on "
        "how to support her. She can refer herself, or you can call us together.",
    ),
    ("Will you send letters to my house?", None),
    ("Can I talk to someone in Polish?", None),
)


@contextmanager
def _seeded_ids(rng: random.Random, *models: Any) -> Iterator[None]:
    """Ids from this part's stream while the services write (the same seed builds the same
    referrals: demodata's own test compares them); the usual uuid4 again afterwards."""
    fields = [model._meta.pk for model in models]
    saved = [field.default for field in fields]
    for field in fields:
        field.default = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)
        field.__dict__.pop("_get_default", None)  # Django caches the default callable
    try:
        yield
    finally:
        for field, default in zip(fields, saved, strict=True):
            field.default = default
            field.__dict__.pop("_get_default", None)


def demo_portal_reset(organisation: Any) -> None:
    """Bookings and questions go first: a booking holds its referral (the referrals reset)."""
    contracts = Contract.objects.filter(provider=organisation)
    ChatBooking.objects.filter(contract__in=contracts).delete()
    QuickQuestion.objects.filter(contract__in=contracts).delete()


def _answers(rng: random.Random, pools: Pools) -> SelfReferral:
    given = rng.choice(pools.female if rng.random() < 0.75 else pools.male)
    safe = rng.random() < 0.85
    return SelfReferral(
        given_name=given,
        family_name=rng.choice(pools.family) if rng.random() < 0.7 else "",
        phone=f"07700 900{rng.randrange(1000):03d}",
        what_happened=rng.choice(WHAT_HAPPENED),
        safe_to_contact=safe,
        contact_by=tuple(rng.sample(["phone", "sms", "email"], k=rng.randint(1, 2)))
        if safe
        else (),
        email=f"{given.lower()}{rng.randrange(100)}@example.com",
        harmer_at_address=rng.choice(["yes", "no", "unknown"]),
        code_word=rng.choice(["", "bluebell", "lighthouse"]),
        do_not_say=rng.choice(["", "Do not say who you are if someone else answers"]),
    )


def build_demo_portal(*, organisation: Any, seed: int, now: datetime) -> None:
    rng = random.Random(seed + STREAM)
    with _seeded_ids(
        random.Random(seed + STREAM + 1000), Person, Referral, ChatBooking, QuickQuestion
    ):
        _build(organisation, rng, now, seed)


def _build(organisation: Any, rng: random.Random, now: datetime, seed: int) -> None:
    pools = Pools.draw(seed + STREAM, size=60)
    contracts = list(
        Contract.objects.filter(provider=organisation, is_active=True).order_by("slug")
    )
    for contract in contracts:
        if not takes_self_referrals(contract):
            continue
        for _ in range(SELF_REFERRALS):
            received = now - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 8))
            self_referral_submit(contract=contract, answers=_answers(rng, pools), now=received)
        slots = free_slots(contract, now=now)
        for index in range(min(CHATS, len(slots))):
            sent = self_referral_submit(
                contract=contract,
                answers=_answers(rng, pools),
                slot_key=slots[index * 3].key if index * 3 < len(slots) else slots[index].key,
                consent_to_transcript=rng.random() < 0.8,
                now=now - timedelta(minutes=10 + index),
            )
            if index == 0 and sent.booking is not None:
                ChatBooking.objects.filter(pk=sent.booking.pk).update(
                    code_hash=codes.code_hash(DEMO_CHAT_CODE)
                )
    answerer = (
        Membership.objects.filter(organisation=organisation, role=Role.CASEWORKER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    for contract in contracts:
        if not takes_quick_questions(contract):
            continue
        for index, (question, answer) in enumerate(QUESTIONS):
            asked_at = now - timedelta(days=rng.randint(0, 20), hours=rng.randint(1, 6))
            asked, _ = quick_question_ask(contract=contract, question=question, now=asked_at)
            if answer and answerer is not None:
                quick_question_answer(question=asked, answered_by=answerer.user, answer=answer)
            if index == 0:
                QuickQuestion.objects.filter(pk=asked.pk).update(
                    code_hash=codes.code_hash(DEMO_QUESTION_CODE)
                )
