"""Demo secure web chats (issue 14 item 4; seed 002 Lot 1 s3.6: self-referral "with secure web
chat booked within 5 working days"): past chats of Victim First with their transcripts (one
without the person's consent, so without one), and today's bookings so a caseworker sees who is
waiting. Ids and choices come from this part's own random stream.

One of today's bookings opens with `DEMO_CODE` at /chat/ (a demo only: `HAVEN_DEMO` is refused
in production), so the person's side can be tried beside a caseworker's."""

from __future__ import annotations

import random
import uuid
from datetime import datetime, timedelta
from typing import Any

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.contracts.models import Contract
from haven.portal.codes import code_hash
from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.referrals.models import Referral
from haven.webchat.models import ChatMessage, Sender

STREAM = 22  # this part's own random stream: seed + STREAM
DEMO_CODE = "CHAT2-DEMO1"  # opens today's open booking in the demo
CONTRACT = "victim-first-2018"
CONVERSATIONS = (
    (
        ("person", "Hello, I booked this chat. Is it safe to talk here?"),
        ("staff", "Hello, yes. This chat is private. Are you somewhere safe to talk now?"),
        ("person", "Yes, I have about 20 minutes."),
        ("staff", "Thank you. Can you tell me a bit about what has been happening?"),
        ("person", "My ex keeps turning up at my work. I reported it last week."),
        ("staff", "That sounds frightening. We can help with a safety plan and the police case."),
    ),
    (
        ("person", "Hi, I am not sure if I should be here."),
        ("staff", "You are welcome here. Anything you tell me is kept private."),
        ("person", "I want to know what support there is while the court case goes on."),
        ("staff", "We can support you through the court process. Shall I explain the options?"),
        ("person", "Yes please."),
    ),
    (
        ("person", "Hello, my caseworker said I could use the chat."),
        ("staff", "Hello, thanks for joining. How have things been since we last spoke?"),
        ("person", "Better. The new locks have made a big difference."),
    ),
)


def demo_webchat_reset(organisation: Any) -> None:
    ChatBooking.objects.filter(contract__provider=organisation).delete()


def _caseworker(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.CASEWORKER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def build_demo_webchat(*, organisation: Any, seed: int, now: datetime) -> int:
    """Past chats with transcripts and today's bookings; returns the bookings made."""
    contract = Contract.objects.filter(provider=organisation, slug=CONTRACT).first()
    caseworker = _caseworker(organisation)
    if contract is None or caseworker is None:
        return 0
    rng = random.Random(seed + STREAM)

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    referrals = list(Referral.objects.filter(contract=contract).order_by("received_at")[:200])
    bookings: list[ChatBooking] = []
    messages: list[ChatMessage] = []

    def booking(starts: datetime, status: str, **fields: Any) -> ChatBooking:
        made = ChatBooking(
            id=new_id(),
            contract=contract,
            referral=rng.choice(referrals) if referrals else None,
            starts_at=starts,
            ends_at=starts + timedelta(minutes=30),
            code_hash=code_hash(f"{new_id().hex[:10]}"),  # a code nobody was given
            status=status,
            **fields,
        )
        bookings.append(made)
        return made

    # past chats: three with transcripts, one without the person's consent
    for number, conversation in enumerate((*CONVERSATIONS, ())):
        day = now - timedelta(days=2 + number * 3, hours=rng.randint(0, 5))
        starts = day.replace(minute=0 if rng.random() < 0.5 else 30, second=0, microsecond=0)
        chat = booking(
            starts,
            ChatBookingStatus.ENDED,
            consent_to_transcript=bool(conversation),
            person_joined_at=starts - timedelta(minutes=2),
            started_at=starts,
            ended_at=starts + timedelta(minutes=5 + 3 * len(conversation)),
            taken_by=caseworker,
        )
        for index, (sender, body) in enumerate(conversation):
            messages.append(
                ChatMessage(
                    id=new_id(),
                    booking=chat,
                    sender=sender,
                    staff=caseworker if sender == Sender.STAFF else None,
                    body=body,
                    sent_at=starts + timedelta(minutes=1 + 2 * index),
                )
            )
    # today: one person waiting, one open booking for DEMO_CODE, two later, one missed
    start_of_slot = now.replace(minute=0 if now.minute < 30 else 30, second=0, microsecond=0)
    booking(
        start_of_slot,
        ChatBookingStatus.WAITING,
        consent_to_transcript=True,
        person_joined_at=now - timedelta(minutes=1),
    )
    open_booking = booking(start_of_slot, ChatBookingStatus.BOOKED, consent_to_transcript=True)
    open_booking.ends_at = start_of_slot + timedelta(hours=3)  # time to try it out
    open_booking.code_hash = code_hash(DEMO_CODE)
    for hours in (1, 2):
        booking(start_of_slot + timedelta(hours=hours), ChatBookingStatus.BOOKED)
    booking(start_of_slot - timedelta(hours=2), ChatBookingStatus.BOOKED)  # missed when listed
    ChatBooking.objects.bulk_create(bookings)
    ChatMessage.objects.bulk_create(messages)
    return len(bookings)
