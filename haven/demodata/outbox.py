"""Demo outbox (issue 14 item 9): the letters, emails and texts behind the demo's recorded
"email sent", "text sent" and "letter sent" attempts (seed 002 s3.7's same-day message and the
final letter), written as the outbox writes them and linked to those attempts, and the final
letters still due, queued for printing (or blocked, with the reasons, where the person's
preferences do not allow a letter).

Nothing else in the demo changes: no attempt, task or state is added or touched, and every id
comes from this part's own random stream (seed + STREAM), so the same seed builds the same data.
"""

from __future__ import annotations

import random
import uuid
from datetime import datetime
from typing import Any

from haven.casework.event_kinds import CaseEventKind
from haven.casework.first_contact import FINAL_LETTER_KEY
from haven.casework.models import CaseEvent, CaseState, ContactAttempt, Direction, Task
from haven.outbox.checks import message_check, render
from haven.outbox.models import Message, MessageStatus
from haven.outbox.wording import WordingError, wording_for

STREAM = 21  # this part's own random stream: seed + STREAM
MOST_SENT = 80  # at most this many sent messages, the earliest first
SENT_OUTCOMES = {"email_sent": "email", "sms_sent": "sms", "letter_sent": "letter"}


def demo_outbox_reset(organisation: Any) -> None:
    Message.objects.filter(contract__provider=organisation).delete()


def _new_id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _message(
    rng: random.Random, case: Any, template_key: str, channel: str, actor_id: Any, at: datetime
) -> Message | None:
    """The message as the outbox would have prepared it at `at` (None: no such template)."""
    try:
        wording = wording_for(case.contract.slug)
    except WordingError:
        return None
    template = wording.template(template_key)
    if template is None or channel not in template.channels:
        return None
    rendered = render(template, channel, wording, case.person)
    check = message_check(
        person=case.person, channel=channel, rendered=rendered, template=template, at=at
    )
    return Message(
        id=_new_id(rng),
        case=case,
        person=case.person,
        contract=case.contract,
        channel=channel,
        template_key=template.key,
        template_label=template.label,
        subject=rendered.subject,
        body=rendered.body,
        recipient=check.recipient,
        status=MessageStatus.QUEUED if check.allowed else MessageStatus.BLOCKED,
        blocked_reasons=check.reasons,
        created_by_id=actor_id,
    )


def _sent(rng: random.Random, organisation: Any) -> list[tuple[Message, datetime]]:
    attempts = (
        ContactAttempt.objects.filter(
            case__contract__provider=organisation,
            direction=Direction.OUTBOUND,
            outcome__in=list(SENT_OUTCOMES),
            safe_contact_reasons=[],
        )
        .select_related("case__person__safe_contact", "case__contract")
        .order_by("attempted_at", "id")[:MOST_SENT]
    )
    made: list[tuple[Message, datetime]] = []
    for attempt in attempts:
        channel = SENT_OUTCOMES[attempt.outcome]
        if channel != attempt.channel:
            continue
        template_key = "final_letter" if attempt.is_final_letter else "first_contact"
        message = _message(
            rng, attempt.case, template_key, channel, attempt.recorded_by_id, attempt.attempted_at
        )
        if message is None or message.status == MessageStatus.BLOCKED:
            continue  # the demo recorded it by hand: Haven would not have sent it
        message.attempt = attempt
        message.sent_at = attempt.attempted_at
        if channel == "letter":
            message.status = MessageStatus.POSTED
            message.printed_at = message.posted_at = attempt.attempted_at
        else:
            message.notify_id = str(_new_id(rng))
            message.status = MessageStatus.DELIVERED
            message.status_detail = "delivered"
            message.delivery_updated_at = attempt.attempted_at
        made.append((message, attempt.attempted_at))
    return made


def _final_letters_due(rng: random.Random, organisation: Any) -> list[tuple[Message, datetime]]:
    tasks = (
        Task.objects.filter(
            case__contract__provider=organisation,
            rule_key=FINAL_LETTER_KEY,
            is_outstanding=True,
        )
        .exclude(case__state=CaseState.CLOSED)
        .select_related("case__person__safe_contact", "case__contract", "case__allocated_to")
        .order_by("due_at", "id")
    )
    made: list[tuple[Message, datetime]] = []
    for task in tasks:
        actor_id = task.case.allocated_to_id
        if actor_id is None:
            continue
        at = task.created_at
        message = _message(rng, task.case, "final_letter", "letter", actor_id, at)
        if message is not None:
            made.append((message, at))
    return made


def build_demo_outbox(*, organisation: Any, seed: int, now: datetime) -> int:
    """Write the demo's messages; how many."""
    rng = random.Random(seed + STREAM)
    made = _sent(rng, organisation) + _final_letters_due(rng, organisation)
    Message.objects.bulk_create([message for message, _ in made])
    events: list[CaseEvent] = []
    for message, at in made:
        Message.objects.filter(pk=message.pk).update(created_at=at, updated_at=at)
        if message.status in (MessageStatus.QUEUED, MessageStatus.BLOCKED):
            queued = message.status == MessageStatus.QUEUED
            events.append(
                CaseEvent(
                    id=_new_id(rng),
                    case_id=str(message.case_id),
                    kind=(
                        CaseEventKind.OUTBOX_LETTER_QUEUED
                        if queued
                        else CaseEventKind.OUTBOX_MESSAGE_BLOCKED
                    ),
                    occurred_at=at,
                    actor_id=message.created_by_id,
                    summary=(
                        f"{message.template_label}: letter queued for printing and posting"
                        if queued
                        else f"Letter not sent ({message.template_label}): "
                        + "; ".join(message.blocked_reasons)
                    ),
                    object_type="outbox.message",
                    object_id=str(message.pk),
                    data={}
                    if queued
                    else {"channel": "letter", "reasons": message.blocked_reasons},
                )
            )
    CaseEvent.objects.bulk_create(events)
    return len(made)
