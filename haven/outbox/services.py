"""Writing the outbox: prepare, send, print and post, refresh delivery (issue 14 item 9).

`message_prepare` renders a template for a case and runs the safe-contact check without saving
anything (the send page's preview; the portal may call it too). `message_send` prepares again
and saves the message:
- blocked by the check: stored with its reasons, not sent, on the timeline;
- email or SMS: handed to GOV.UK Notify; accepted means sent, and the contact attempt is recorded
  then (production without a Notify key: stays queued, saying so);
- letter: queued for printing; `letter_mark_printed` and then `letter_mark_posted` (which checks
  again, then records the attempt).

seed 002 s3.7 (the same-day letter, email or text, and the final letter) counts a letter as sent
when it is posted, not when it is printed: a printed letter still on a desk has not been sent.
The attempt (channel letter/email/sms, outcome letter_sent/email_sent/sms_sent) goes through
casework's `contact_attempt_record`, so the rule's task is met as if it had been ticked.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseState, ContactAttempt, Outcome
from haven.casework.services import case_event_record
from haven.casework.services.attempts import (
    AttemptRefusedError,
    SafeContactBlockedError,
    contact_attempt_record,
)
from haven.casework.services.closed import CaseClosedError
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.outbox.checks import Check, Rendered, message_check, render
from haven.outbox.models import Message, MessageChannel, MessageStatus
from haven.outbox.notify import (
    NOT_CONFIGURED,
    NotifyClient,
    NotifyNotConfiguredError,
    notify_client,
    status_meaning,
    template_id,
)
from haven.outbox.wording import MessageTemplate, Wording, wording_for
from haven.referrals.models import Referral

logger = logging.getLogger(__name__)

SENT_OUTCOME = {
    MessageChannel.LETTER: Outcome.LETTER_SENT,
    MessageChannel.EMAIL: Outcome.EMAIL_SENT,
    MessageChannel.SMS: Outcome.SMS_SENT,
}


@dataclass(frozen=True)
class Prepared:
    """A rendered message and what the safe-contact check says, not saved."""

    case: Case | None
    template: MessageTemplate
    channel: str
    rendered: Rendered
    check: Check
    details: dict[str, dt.datetime] = field(default_factory=dict)
    referral: Referral | None = None

    @property
    def person(self) -> Any:
        return self.case.person if self.case is not None else self.referral.person  # type: ignore[union-attr]

    @property
    def contract(self) -> Any:
        return self.case.contract if self.case is not None else self.referral.contract  # type: ignore[union-attr]


def templates_for(case: Case) -> Wording:
    return wording_for(case.contract.slug)


def _case_of(referral: Referral) -> Case | None:
    return Case.objects.filter(referral=referral).first()


def message_prepare(
    *,
    case: Case | None = None,
    referral: Referral | None = None,
    template_key: str,
    channel: str,
    details: dict[str, dt.datetime] | None = None,
    at: dt.datetime | None = None,
) -> Prepared:
    """Render `template_key` for the person of the case (or, before a case is open, of the
    referral) by `channel` and check it (nothing saved). A referral with a case is the case's.

    ValidationError names the field when the template, channel or a needed detail is wrong."""
    if (case is None) == (referral is None):
        raise ValueError("give a case or a referral")
    if referral is not None:
        case = _case_of(referral) or None
        if case is not None:
            referral = None
    if case is not None and case.state == CaseState.CLOSED:
        raise ValidationError({"template": "The case is closed: no message can be sent"})
    contract = case.contract if case is not None else referral.contract  # type: ignore[union-attr]
    person = case.person if case is not None else referral.person  # type: ignore[union-attr]
    wording = wording_for(contract.slug)
    template = wording.template(template_key)
    if template is None:
        raise ValidationError({"template": "Select a message"})
    if channel not in template.channels:
        raise ValidationError({"channel": f"{template.label} cannot be sent by that channel"})
    details = {k: v for k, v in (details or {}).items() if v is not None}
    for needed in template.needs:
        if needed not in details:
            raise ValidationError({needed: "Enter the date and time"})
    rendered = render(template, channel, wording, person, details)
    check = message_check(
        person=person,
        channel=channel,
        rendered=rendered,
        template=template,
        at=at or timezone.now(),
    )
    return Prepared(case, template, channel, rendered, check, details, referral)


def _audit(message: Message, actor: User | None, changes: dict[str, Any], reason: str = "") -> None:
    audit_event(
        actor=actor,
        action=AuditAction.CREATE if "status" not in changes else AuditAction.UPDATE,
        target=message,
        changes=changes,
        reason=reason,
    )


def message_send(
    *,
    case: Case | None = None,
    referral: Referral | None = None,
    template_key: str,
    channel: str,
    sent_by: User,
    details: dict[str, dt.datetime] | None = None,
    client: NotifyClient | None = None,
) -> Message:
    """Prepare, check and send (or queue, or block) one message; the saved Message says which.

    Every message passes the safe-contact check first: a blocked one is stored with its reasons
    and never sent. Email and SMS go to GOV.UK Notify now; a letter joins the print queue.
    Sent on a case, the contact attempt is recorded; on a referral with no case yet, not."""
    now = timezone.now()
    prepared = message_prepare(
        case=case,
        referral=referral,
        template_key=template_key,
        channel=channel,
        details=details,
        at=now,
    )
    case = prepared.case
    if case is None and channel == MessageChannel.LETTER:
        raise ValidationError({"channel": "A letter is sent only on a case"})
    with transaction.atomic():
        message = Message.objects.create(
            case=case,
            referral=prepared.referral,
            person=prepared.person,
            contract=prepared.contract,
            channel=channel,
            template_key=prepared.template.key,
            template_label=prepared.template.label,
            subject=prepared.rendered.subject,
            body=prepared.rendered.body,
            recipient=prepared.check.recipient,
            status=MessageStatus.QUEUED if prepared.check.allowed else MessageStatus.BLOCKED,
            blocked_reasons=prepared.check.reasons,
            created_by=sent_by,
        )
        _audit(
            message,
            sent_by,
            {"channel": [None, channel], "template": [None, message.template_key]},
            reason="; ".join(prepared.check.reasons),
        )
        if not prepared.check.allowed:
            _blocked_event(message, sent_by)
            return message
        if channel == MessageChannel.LETTER and case is not None:
            case_event_record(
                case=case,
                kind=CaseEventKind.OUTBOX_LETTER_QUEUED,
                actor=sent_by,
                target=message,
                summary=f"{message.template_label}: letter queued for printing and posting",
            )
            return message
    return _dispatch(message, sent_by, client)


def _blocked_event(message: Message, actor: User | None) -> None:
    if message.case is None:
        return
    case_event_record(
        case=message.case,
        kind=CaseEventKind.OUTBOX_MESSAGE_BLOCKED,
        actor=actor,
        target=message,
        summary=f"{message.get_channel_display()} not sent ({message.template_label}): "
        + "; ".join(message.blocked_reasons),
        data={"channel": message.channel, "reasons": list(message.blocked_reasons)},
    )


def _dispatch(message: Message, actor: User, client: NotifyClient | None) -> Message:
    """Hand an email or text to Notify; accepted, it is sent and the attempt recorded."""
    try:
        notify = client or notify_client()
    except NotifyNotConfiguredError:
        message.status_detail = NOT_CONFIGURED[:200]
        message.save(update_fields=["status_detail", "updated_at"])
        return message
    personalisation = {"subject": message.subject, "body": message.body}
    try:
        if message.channel == MessageChannel.EMAIL:
            response = notify.send_email_notification(
                email_address=message.recipient,
                template_id=template_id("email"),
                personalisation=personalisation,
                reference=str(message.pk),
            )
        else:
            response = notify.send_sms_notification(
                phone_number=message.recipient,
                template_id=template_id("sms"),
                personalisation=personalisation,
                reference=str(message.pk),
            )
    except Exception as exc:
        # never log the recipient or the text: only the message id and the error's class/status
        status_code = getattr(exc, "status_code", None)
        logger.warning(
            "Notify refused message %s: %s %s", message.pk, type(exc).__name__, status_code
        )
        with transaction.atomic():
            message.status = MessageStatus.FAILED
            message.status_detail = (
                f"GOV.UK Notify refused it ({status_code or type(exc).__name__})"
            )
            message.delivery_updated_at = timezone.now()
            message.save(
                update_fields=["status", "status_detail", "delivery_updated_at", "updated_at"]
            )
            _audit(message, actor, {"status": [MessageStatus.QUEUED, MessageStatus.FAILED]})
        return message
    with transaction.atomic():
        message.notify_id = str(response.get("id", ""))[:64]
        message.status = MessageStatus.SENT
        message.status_detail = "created"
        message.sent_at = timezone.now()
        message.save(
            update_fields=["notify_id", "status", "status_detail", "sent_at", "updated_at"]
        )
        _audit(message, actor, {"status": [MessageStatus.QUEUED, MessageStatus.SENT]})
    if message.case is not None:
        _record_attempt_after_sending(message, actor)
    return message


def _record_attempt_after_sending(message: Message, actor: User) -> None:
    """Notify has the message: it stays sent whatever happens here. Should casework refuse the
    attempt (the case closed meanwhile, say), the message says so and staff record it by hand."""
    try:
        with transaction.atomic():
            _record_attempt(message, actor, message.sent_at or timezone.now())
    except (ValidationError, SafeContactBlockedError, AttemptRefusedError, CaseClosedError) as exc:
        logger.warning("Message %s sent; attempt not recorded: %s", message.pk, type(exc).__name__)
        message.status_detail = "sent; the contact attempt could not be recorded"
        message.save(update_fields=["status_detail", "updated_at"])


def _record_attempt(message: Message, actor: User, at: dt.datetime) -> ContactAttempt:
    """seed 002 s3.7: the message is sent, so the contact attempt is recorded at the sent time
    (channel and outcome letter_sent, email_sent or sms_sent): the same-day task is met."""
    how = "sent through GOV.UK Notify" if message.channel != "letter" else "posted"
    assert message.case is not None  # only messages on a case record attempts
    attempt = contact_attempt_record(
        case=message.case,
        channel=message.channel,
        outcome=SENT_OUTCOME[MessageChannel(message.channel)],
        attempted_at=at.replace(second=0, microsecond=0),
        recorded_by=actor,
        notes=f"{message.template_label}, {how} from the outbox",
    )
    message.attempt = attempt
    message.save(update_fields=["attempt", "updated_at"])
    return attempt


def _letter(message: Message, allowed: set[str]) -> None:
    if message.channel != MessageChannel.LETTER:
        raise ValidationError({"message": "This is not a letter"})
    if message.status not in allowed:
        raise ValidationError({"message": f"This letter is {message.get_status_display().lower()}"})


@transaction.atomic
def letter_mark_printed(*, message: Message, printed_by: User) -> Message:
    """The letter is printed (not sent yet: it is sent when posted)."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    _letter(message, {MessageStatus.QUEUED})
    message.status = MessageStatus.PRINTED
    message.printed_at = timezone.now()
    message.save(update_fields=["status", "printed_at", "updated_at"])
    _audit(message, printed_by, {"status": [MessageStatus.QUEUED, MessageStatus.PRINTED]})
    return message


@transaction.atomic
def letter_mark_posted(*, message: Message, posted_by: User) -> Message:
    """The letter is in the post: checked again (preferences may have changed since it was
    queued), then sent, and the attempt recorded now (seed 002 s3.7). Blocked now, it is stored
    as blocked with the reasons and not posted."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    _letter(message, {MessageStatus.QUEUED, MessageStatus.PRINTED})
    now = timezone.now()
    wording = wording_for(message.contract.slug)
    template = wording.template(message.template_key)
    check = (
        message_check(
            person=message.person,
            channel="letter",
            rendered=Rendered(message.subject, message.body),
            template=template,
            at=now,
        )
        if template is not None
        else Check(False, "", ["The letter's template no longer exists"])
    )
    if not check.allowed or check.recipient != message.recipient:
        before = message.status
        message.status = MessageStatus.BLOCKED
        message.blocked_reasons = check.reasons or [
            "The safe address has changed since the letter was printed: print it again"
        ]
        message.save(update_fields=["status", "blocked_reasons", "updated_at"])
        _audit(message, posted_by, {"status": [before, MessageStatus.BLOCKED]})
        _blocked_event(message, posted_by)
        return message
    before = message.status
    message.status = MessageStatus.POSTED
    message.posted_at = message.sent_at = now
    message.save(update_fields=["status", "posted_at", "sent_at", "updated_at"])
    _audit(message, posted_by, {"status": [before, MessageStatus.POSTED]})
    _record_attempt(message, posted_by, now)
    return message


def letter_pdf_download_record(*, message: Message, downloaded_by: User) -> None:
    """Audit the letter's PDF download (it carries the safe address)."""
    audit_event(actor=downloaded_by, action=AuditAction.EXPORT, target=message)


def delivery_status_refresh(
    *, client: NotifyClient | None = None, actor: User | None = None
) -> int:
    """Ask Notify what became of every email and text still going; how many changed.

    Delivered or failed lands on the case's timeline."""
    notify = client or notify_client()
    changed = 0
    pending = Message.objects.filter(status=MessageStatus.SENT).exclude(notify_id="")
    for message in pending.select_related("case", "contract"):
        try:
            answer = notify.get_notification_by_id(message.notify_id)
        except Exception as exc:
            logger.warning("Notify status of %s: %s", message.pk, type(exc).__name__)
            continue
        notify_status = str(answer.get("status", ""))[:200]
        meaning = status_meaning(notify_status)
        if notify_status == message.status_detail and meaning == "pending":
            continue
        with transaction.atomic():
            before = message.status
            message.status_detail = notify_status
            message.delivery_updated_at = timezone.now()
            if meaning != "pending":
                message.status = (
                    MessageStatus.DELIVERED if meaning == "delivered" else MessageStatus.FAILED
                )
            message.save(
                update_fields=["status", "status_detail", "delivery_updated_at", "updated_at"]
            )
            if message.status != before:
                _audit(message, actor, {"status": [before, message.status]})
            if message.status != before and message.case is not None:
                case_event_record(
                    case=message.case,
                    kind=CaseEventKind.OUTBOX_DELIVERY,
                    actor=actor,
                    target=message,
                    summary=f"{message.get_channel_display()} ({message.template_label}): "
                    f"{message.get_status_display().lower()} ({notify_status})",
                    data={"channel": message.channel, "status": message.status},
                )
        changed += 1
    return changed
