"""Writes of the secure web chat (issue 14 item 4): keyword-only, atomic, audited.

seed 002 Lot 1 s3.6: self-referral "with secure web chat booked within 5 working days". The
person joins at the booked time with the one-time code from the booking (only its hash is kept),
consents (or not) to the transcript being kept, and chats with a caseworker of the contract's
provider, who takes the chat and ends it. Nothing here logs a message's text or the person.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, NoteType
from haven.casework.services.closed import CaseClosedError
from haven.casework.services.events import case_event_record
from haven.casework.services.notes import case_note_add
from haven.core.auditor import audit_event
from haven.core.formatting import datetime_format
from haven.core.models import AuditAction
from haven.portal.codes import code_hash
from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.validators import NOTE_MAX_LENGTH, refuse, text_problem, to_the_minute
from haven.webchat.models import (
    MESSAGE_MAX_LENGTH,
    ChatCodeTry,
    ChatEntry,
    ChatMessage,
    Sender,
)

# The person may come in this long before the booked start, and until the booked end.
EARLY_ENTRY = timedelta(minutes=15)
# Wrong codes from one client address before it must wait (shared by every worker: database).
CODE_TRIES_ALLOWED = 10
CODE_TRY_WINDOW = timedelta(minutes=15)
LIVE_STATUSES = (ChatBookingStatus.WAITING, ChatBookingStatus.IN_PROGRESS)
NOT_RIGHT = "The code is not right, or it has already been used. Check it and try again"


class ChatRefusedError(Exception):
    """The action cannot be done now; `field` names the form field it is about (or None)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


def session_hash(session_key: str) -> str:
    """What is kept of the browser session the code was used in."""
    return salted_hmac("haven.webchat.session", session_key, algorithm="sha256").hexdigest()


def address_hash(address: str) -> str:
    """A client address for the rate limit, keyed so the table holds no address."""
    return salted_hmac("haven.webchat.address", address, algorithm="sha256").hexdigest()


def _too_many_tries(address: str, now: datetime) -> bool:
    return (
        ChatCodeTry.objects.filter(
            address_hash=address_hash(address), tried_at__gt=now - CODE_TRY_WINDOW
        ).count()
        >= CODE_TRIES_ALLOWED
    )


def _record_wrong_try(address: str, now: datetime) -> None:
    ChatCodeTry.objects.create(address_hash=address_hash(address), tried_at=now)
    # the table only needs the current window
    ChatCodeTry.objects.filter(tried_at__lt=now - CODE_TRY_WINDOW).delete()


def chat_code_use(
    *, code: str, session_key: str, address: str, now: datetime | None = None
) -> ChatBooking:
    """Bind a booking to this browser session with its one-time code, within the booked time.

    A code works once: afterwards only the same browser session gets back in (seed 002 s3.6:
    the chat is the person's, from a link or code, with no account). Wrong codes count towards
    the client address's limit (`CODE_TRIES_ALLOWED` in `CODE_TRY_WINDOW`).
    """
    now = now or timezone.now()
    if len(code) > 40 or not code.strip():
        raise ChatRefusedError("code", "Enter the code from your booking")
    with transaction.atomic():
        if _too_many_tries(address, now):
            raise ChatRefusedError(
                "code", "Too many codes have been tried. Wait 15 minutes, then try again"
            )
        booking = (
            ChatBooking.objects.select_for_update()
            .filter(code_hash=code_hash(code))
            .select_related("contract")
            .first()
        )
        entry = ChatEntry.objects.filter(booking=booking).first() if booking else None
        same_session = entry is not None and entry.session_hash == session_hash(session_key)
        usable = booking is not None and booking.status in (
            ChatBookingStatus.BOOKED,
            *LIVE_STATUSES,
        )
        if booking is None or not usable or (entry is not None and not same_session):
            _record_wrong_try(address, now)
    if booking is None or not usable or (entry is not None and not same_session):
        raise ChatRefusedError("code", NOT_RIGHT)
    if now < booking.starts_at - EARLY_ENTRY:
        opens = timezone.localtime(booking.starts_at - EARLY_ENTRY)
        raise ChatRefusedError(
            "code",
            f"Your chat is booked for {datetime_format(booking.starts_at)}. "
            f"You can join from {opens:%H:%M} on that day",
        )
    if now > booking.ends_at and booking.status == ChatBookingStatus.BOOKED:
        raise ChatRefusedError(
            "code", "The time booked for this chat has passed. Contact the service to book again"
        )
    with transaction.atomic():
        if entry is None:
            ChatEntry.objects.create(
                booking=booking, session_hash=session_hash(session_key), entered_at=now
            )
            audit_event(
                actor=None,
                action=AuditAction.UPDATE,
                target=booking,
                changes={"code": "used"},
                reason="web chat code used",
            )
    return booking


@transaction.atomic
def chat_join(*, booking: ChatBooking, consent_to_transcript: bool) -> ChatBooking:
    """The person, in their bound session, answers the transcript question and joins: the
    booking waits for a caseworker (or stays in progress when one has taken it)."""
    booking = ChatBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in (ChatBookingStatus.BOOKED, *LIVE_STATUSES):
        raise ChatRefusedError(None, "This chat has ended")
    changes: dict[str, object] = {}
    if booking.consent_to_transcript != consent_to_transcript:
        changes["consent_to_transcript"] = consent_to_transcript
        booking.consent_to_transcript = consent_to_transcript
    if booking.status == ChatBookingStatus.BOOKED:
        changes["status"] = ChatBookingStatus.WAITING
        booking.status = ChatBookingStatus.WAITING
    if booking.person_joined_at is None:
        booking.person_joined_at = timezone.now()
    booking.save()
    if changes:
        audit_event(
            actor=None, action=AuditAction.UPDATE, target=booking, changes=changes, reason="joined"
        )
    return booking


def message_problems(body: str) -> None:
    """Refuse (ValidationError on `body`) an empty or too long message."""
    refuse(
        {
            "body": (
                "Enter a message"
                if not body.strip()
                else text_problem(body, subject="A message", limit=MESSAGE_MAX_LENGTH)
            )
        }
    )


@transaction.atomic
def chat_message_send(*, booking: ChatBooking, body: str, staff: User | None = None) -> ChatMessage:
    """One message, from the person (`staff` None) or from the caseworker who took the chat."""
    message_problems(body)
    booking = ChatBooking.objects.select_for_update().get(pk=booking.pk)
    if staff is None:
        if booking.status not in LIVE_STATUSES:
            raise ChatRefusedError(None, "This chat has ended")
    elif booking.status != ChatBookingStatus.IN_PROGRESS or booking.taken_by_id != staff.pk:
        raise ChatRefusedError(None, "Only the caseworker who took this chat can send messages")
    return ChatMessage.objects.create(
        booking=booking,
        sender=Sender.STAFF if staff else Sender.PERSON,
        staff=staff,
        body=body.strip(),
        sent_at=timezone.now(),
    )


@transaction.atomic
def chat_take(*, booking: ChatBooking, user: User) -> ChatBooking:
    """A caseworker takes a chat that is booked or waiting (from its start, less the early entry)."""
    if not user.has_perm("webchat.answer_chat", booking):
        raise ChatRefusedError(None, "You cannot take chats for this service")
    booking = ChatBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.status == ChatBookingStatus.IN_PROGRESS and booking.taken_by_id == user.pk:
        return booking
    if booking.status not in (ChatBookingStatus.BOOKED, ChatBookingStatus.WAITING):
        raise ChatRefusedError(None, "This chat has already been taken or has ended")
    if timezone.now() < booking.starts_at - EARLY_ENTRY:
        raise ChatRefusedError(None, "This chat has not started yet")
    booking.status = ChatBookingStatus.IN_PROGRESS
    booking.taken_by = user
    booking.started_at = timezone.now()
    booking.save()
    audit_event(
        actor=user,
        action=AuditAction.UPDATE,
        target=booking,
        changes={"status": booking.status, "taken_by": str(user.pk)},
        reason="web chat taken",
    )
    return booking


def transcript_text(booking: ChatBooking) -> str:
    lines = []
    for message in booking.chat_messages.select_related("staff"):
        who = "Caseworker" if message.sender == Sender.STAFF else "Person"
        lines.append(f"{timezone.localtime(message.sent_at):%H:%M} {who}: {message.body}")
    return "\n".join(lines)


@dataclass(frozen=True)
class ChatEnding:
    booking: ChatBooking
    transcript_kept: bool
    saved_to_case: bool


def _case_of(booking: ChatBooking) -> Case | None:
    if booking.referral_id is None:
        return None
    return Case.objects.filter(referral_id=booking.referral_id).first()


@transaction.atomic
def chat_end(*, booking: ChatBooking, user: User) -> ChatEnding:
    """The caseworker ends the chat. With the person's consent the transcript is kept: on the
    case as a contact note when the referral has a case, else with the chat (the staff transcript
    page, reached from the referral's chats). Without consent the messages are deleted; only the
    fact that the chat happened is kept."""
    booking = ChatBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != ChatBookingStatus.IN_PROGRESS or booking.taken_by_id != user.pk:
        raise ChatRefusedError(None, "Only the caseworker who took this chat can end it")
    now = timezone.now()
    booking.status = ChatBookingStatus.ENDED
    booking.ended_at = now
    booking.save()
    count = booking.chat_messages.count()
    kept = booking.consent_to_transcript and count > 0
    if not booking.consent_to_transcript:
        booking.chat_messages.all().delete()
    saved_to_case = False
    case = _case_of(booking)
    if case is not None:
        summary = f"Secure web chat, {count} message(s); " + (
            "transcript kept" if kept else "no transcript kept (no consent)"
        )
        if kept:
            text = transcript_text(booking)
            if len(text) + 40 > NOTE_MAX_LENGTH:
                text = f"Web chat transcript of {count} messages: too long for a note, kept with the chat."
            try:
                case_note_add(
                    case=case,
                    author=user,
                    note_type=NoteType.CONTACT,
                    text=f"Secure web chat transcript\n\n{text}",
                    happened_at=to_the_minute(now),
                )
                saved_to_case = True
            except (CaseClosedError, ValidationError):
                saved_to_case = False  # the transcript stays with the chat
        with contextlib.suppress(CaseClosedError):
            case_event_record(
                case=case,
                kind=CaseEventKind.WEB_CHAT,
                actor=user,
                summary=summary,
                target=booking,
                occurred_at=now,
            )
    audit_event(
        actor=user,
        action=AuditAction.UPDATE,
        target=booking,
        changes={
            "status": booking.status,
            "messages": count,
            "transcript": "kept" if kept else "not kept",
            "saved_to_case": saved_to_case,
        },
        reason="web chat ended",
    )
    return ChatEnding(booking=booking, transcript_kept=kept, saved_to_case=saved_to_case)


def bookings_mark_missed(*, now: datetime | None = None) -> int:
    """Bookings whose slot ended without the person joining are missed (run by `haven
    chat-missed` from cron, and when staff list the chats)."""
    now = now or timezone.now()
    with transaction.atomic():
        missed = list(
            ChatBooking.objects.select_for_update().filter(
                status=ChatBookingStatus.BOOKED, ends_at__lt=now
            )
        )
        for booking in missed:
            booking.status = ChatBookingStatus.MISSED
            booking.save(update_fields=["status", "updated_at"])
            audit_event(
                actor=None,
                action=AuditAction.UPDATE,
                target=booking,
                changes={"status": booking.status},
                reason="web chat missed",
            )
    return len(missed)
