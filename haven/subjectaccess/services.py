"""Every write to a subject access request (reference.md s7), each audited on the request.

States: received -> awaiting ID/clarification (clock stopped) -> received ... -> gathering ->
review -> ready -> sent; or refused (with reasons and the rights to complain) or withdrawn from
any open state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.subjectaccess import bundle as bundles
from haven.subjectaccess.deadlines import first_month_due
from haven.subjectaccess.gather import gather
from haven.subjectaccess.models import (
    ClockStop,
    IdentityStatus,
    ItemDecision,
    Requester,
    SarBundle,
    SarItem,
    SarState,
    StopReason,
    SubjectAccessRequest,
)

# reference.md s7 (DUAA 2025): a refusal explains the right to complain to the controller and
# the ICO, and the right to go to court
REFUSAL_RIGHTS = (
    "You can complain to us about this decision. You can also complain to the Information "
    "Commissioner's Office (the ICO: ico.org.uk, 0303 123 1113), and you can apply to a court."
)


def _today() -> dt.date:
    return timezone.localdate()


def _refuse(**problems: str) -> ValidationError:
    return ValidationError({name: [message] for name, message in problems.items()})


def _not_future(name: str, day: dt.date | None, label: str) -> None:
    if day is None:
        raise _refuse(**{name: f"Enter the date {label}"})
    if day > _today():
        raise _refuse(**{name: f"The date {label} must be today or in the past"})


def _open(sar: SubjectAccessRequest) -> None:
    if not sar.is_open:
        raise _refuse(state=f"This request is {sar.get_state_display().lower()}: it is closed")


def _locked(sar: SubjectAccessRequest) -> SubjectAccessRequest:
    return SubjectAccessRequest.objects.select_for_update().get(pk=sar.pk)


def _open_stop(sar: SubjectAccessRequest) -> ClockStop | None:
    return sar.stops.filter(ended_on__isnull=True).first()


def _working_state(sar: SubjectAccessRequest) -> SarState:
    if sar.items.exists():
        return SarState.REVIEW
    return SarState.RECEIVED


@transaction.atomic
def sar_create(
    *,
    person: Person,
    received_on: dt.date,
    received_how: str,
    requester: str,
    created_by: User,
    representative_name: str = "",
    representative_authority: str = "",
    request_details: str = "",
) -> SubjectAccessRequest:
    """Log a request as received (reference.md s7: the clock runs from the day of receipt)."""
    _not_future("received_on", received_on, "the request was received")
    if requester == Requester.REPRESENTATIVE:
        problems = {}
        if not representative_name.strip():
            problems["representative_name"] = "Enter the representative's name"
        if not representative_authority.strip():
            # a representative needs the person's written authority (recorded)
            problems["representative_authority"] = (
                "Describe the written authority the representative gave"
            )
        if problems:
            raise _refuse(**problems)
    else:
        representative_name = representative_authority = ""
    sar = SubjectAccessRequest.objects.create(
        organisation=person.organisation,
        person=person,
        received_on=received_on,
        received_how=received_how,
        requester=requester,
        representative_name=representative_name.strip(),
        representative_authority=representative_authority.strip(),
        request_details=request_details.strip(),
        created_by=created_by,
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=sar,
        changes={
            "person": str(person.pk),
            "received_on": received_on,
            "received_how": received_how,
            "requester": requester,
        },
    )
    return sar


@transaction.atomic
def sar_verify_identity(
    *, sar: SubjectAccessRequest, verified_on: dt.date, method: str, verified_by: User
) -> SubjectAccessRequest:
    """Identity verified: on which date, how and by whom. An open 'awaiting proof of identity'
    stop ends that day (reference.md s7: the month runs again from receipt of the ID)."""
    sar = _locked(sar)
    _open(sar)
    _not_future("verified_on", verified_on, "identity was verified")
    if verified_on < sar.received_on:
        raise _refuse(verified_on="The date identity was verified must be on or after receipt")
    if not method.strip():
        raise _refuse(method="Say how identity was verified")
    if sar.identity_status == IdentityStatus.VERIFIED:
        raise _refuse(method="Identity is already verified")
    sar.identity_status = IdentityStatus.VERIFIED
    sar.identity_verified_on = verified_on
    sar.identity_method = method.strip()
    sar.identity_verified_by = verified_by
    stop = _open_stop(sar)
    if stop is not None and stop.reason == StopReason.AWAITING_ID:
        stop.ended_on = max(verified_on, stop.started_on)
        stop.save(update_fields=["ended_on", "updated_at"])
        sar.state = _working_state(sar)
    sar.save()
    audit_event(
        actor=verified_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"identity": ["pending", "verified"], "verified_on": verified_on, "how": method},
        reason="identity verified",
    )
    return sar


@transaction.atomic
def sar_clock_stop(
    *, sar: SubjectAccessRequest, reason: str, started_on: dt.date, note: str, stopped_by: User
) -> ClockStop:
    """DUAA 2025 Art. 12A (reference.md s7): the clock stops from asking for ID or reasonable
    clarification until it arrives."""
    sar = _locked(sar)
    _open(sar)
    if sar.state == SarState.READY:
        raise _refuse(reason="The bundle is ready: the clock cannot be stopped now")
    if _open_stop(sar) is not None:
        raise _refuse(reason="The clock is already stopped")
    if reason not in StopReason.values:
        raise _refuse(reason="Select why the clock stops")
    _not_future("started_on", started_on, "the clock stopped")
    if started_on < sar.received_on:
        raise _refuse(started_on="The clock cannot stop before the request was received")
    last = sar.stops.order_by("-ended_on").first()
    if last is not None and last.ended_on and started_on < last.ended_on:
        raise _refuse(started_on="The clock cannot stop before the last stop ended")
    stop = ClockStop.objects.create(
        sar=sar, reason=reason, note=note.strip(), started_on=started_on
    )
    sar.state = SarState.AWAITING
    sar.save(update_fields=["state", "updated_at"])
    audit_event(
        actor=stopped_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"clock": ["running", "stopped"], "reason": reason, "from": started_on},
        reason="clock stopped",
    )
    return stop


@transaction.atomic
def sar_clock_restart(
    *, sar: SubjectAccessRequest, ended_on: dt.date, restarted_by: User
) -> ClockStop:
    """What was asked for arrived: the clock runs again from that day."""
    sar = _locked(sar)
    _open(sar)
    stop = _open_stop(sar)
    if stop is None:
        raise _refuse(ended_on="The clock is not stopped")
    _not_future("ended_on", ended_on, "the clock restarts")
    if ended_on < stop.started_on:
        raise _refuse(ended_on="The clock cannot restart before it stopped")
    stop.ended_on = ended_on
    stop.save(update_fields=["ended_on", "updated_at"])
    sar.state = _working_state(sar)
    sar.save(update_fields=["state", "updated_at"])
    audit_event(
        actor=restarted_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"clock": ["stopped", "running"], "until": ended_on},
        reason="clock restarted",
    )
    return stop


@transaction.atomic
def sar_extend(
    *, sar: SubjectAccessRequest, reason: str, told_on: dt.date, extended_by: User
) -> SubjectAccessRequest:
    """reference.md s7: extended by two further months (three from the original start) when the
    request is complex or one of several; the person is told why within the first month."""
    sar = _locked(sar)
    _open(sar)
    if sar.extended:
        raise _refuse(reason="The request is already extended")
    if not reason.strip():
        raise _refuse(reason="Give the reason for the extension")
    _not_future("told_on", told_on, "the person was told")
    if told_on < sar.received_on:
        raise _refuse(told_on="The person cannot be told before the request was received")
    latest = first_month_due(sar, _today())
    if told_on > latest:
        raise _refuse(
            told_on=f"The person must be told within the first month, by {latest:%-d %B %Y}"
        )
    sar.extended = True
    sar.extension_reason = reason.strip()
    sar.extension_told_on = told_on
    sar.save()
    audit_event(
        actor=extended_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"extended": [False, True], "told_on": told_on},
        reason=reason.strip(),
    )
    return sar


@transaction.atomic
def sar_gather(*, sar: SubjectAccessRequest, gathered_by: User) -> SubjectAccessRequest:
    """Search everything held about the person; the items wait for review. Gathering again
    (before the bundle is made) replaces the items and their reviews."""
    sar = _locked(sar)
    _open(sar)
    if sar.identity_status != IdentityStatus.VERIFIED:
        raise _refuse(state="Verify the requester's identity before gathering")
    if _open_stop(sar) is not None:
        raise _refuse(state="The clock is stopped: restart it before gathering")
    if sar.state not in (SarState.RECEIVED, SarState.GATHERING, SarState.REVIEW):
        raise _refuse(state="The bundle is made: the request cannot be gathered again")
    sar.state = SarState.GATHERING
    found = gather(sar.person)
    sar.items.all().delete()
    SarItem.objects.bulk_create(
        SarItem(
            sar=sar,
            position=position,
            record_type=item.record_type,
            record_type_label=item.record_type_label[:200],
            record_id=item.record_id[:64],
            label=item.label[:300],
            occurred_at=item.occurred_at,
            fields=item.fields,
            flags=item.flags,
            third_party_names=sorted(set(item.third_party_names)),
        )
        for position, item in enumerate(found.items)
    )
    sar.coverage = found.coverage
    sar.gathered_at = timezone.now()
    sar.state = SarState.REVIEW
    sar.save()
    audit_event(
        actor=gathered_by,
        action=AuditAction.SEARCH,
        target=sar,
        changes={"items": len(found.items), "coverage": found.coverage},
        reason="gathered everything held about the person",
    )
    return sar


@transaction.atomic
def sar_item_review(
    *,
    item: SarItem,
    decision: str,
    redacted_fields: list[str],
    redact_names: bool,
    reason: str,
    reviewed_by: User,
) -> SarItem:
    """A reviewer's decision on one item: release, release with fields redacted or third
    parties' names removed, or withhold; a redaction or withholding needs a reason."""
    sar = _locked(item.sar)
    if sar.state != SarState.REVIEW:
        raise _refuse(decision="Items can be reviewed only while the request is in review")
    item = SarItem.objects.select_for_update().get(pk=item.pk)
    names = {entry["name"] for entry in item.fields}
    unknown = set(redacted_fields) - names
    if unknown:
        raise _refuse(redacted_fields="Select fields of this record only")
    if decision not in (ItemDecision.RELEASE, ItemDecision.REDACT, ItemDecision.WITHHOLD):
        raise _refuse(decision="Select what to release")
    if decision == ItemDecision.REDACT and not (redacted_fields or redact_names):
        raise _refuse(redacted_fields="Select the fields to redact, or remove names")
    if decision in (ItemDecision.REDACT, ItemDecision.WITHHOLD) and not reason.strip():
        raise _refuse(reason="Give the reason (for example, it is a third party's information)")
    if decision != ItemDecision.REDACT:
        redacted_fields, redact_names = [], False
    before = {"decision": item.decision, "redacted_fields": item.redacted_fields}
    item.decision = decision
    item.redacted_fields = sorted(redacted_fields)
    item.redact_names = redact_names
    item.reason = reason.strip()
    item.reviewed_by = reviewed_by
    item.reviewed_at = timezone.now()
    item.save()
    audit_event(
        actor=reviewed_by,
        action=AuditAction.UPDATE,
        target=item,
        changes={
            "decision": [before["decision"], decision],
            "redacted_fields": [before["redacted_fields"], item.redacted_fields],
            "redact_names": redact_names,
        },
        reason=item.reason,
    )
    return item


@transaction.atomic
def sar_release_unflagged(*, sar: SubjectAccessRequest, reviewed_by: User) -> int:
    """The reviewer releases, as they are, every item not yet reviewed that names no third party
    (flagged items are reviewed one by one). How many were released."""
    sar = _locked(sar)
    if sar.state != SarState.REVIEW:
        raise _refuse(state="Items can be reviewed only while the request is in review")
    pending = [item for item in sar.items.filter(decision=ItemDecision.PENDING) if not item.flags]
    now = timezone.now()
    for item in pending:
        item.decision = ItemDecision.RELEASE
        item.reviewed_by = reviewed_by
        item.reviewed_at = now
    SarItem.objects.bulk_update(pending, ["decision", "reviewed_by", "reviewed_at"])
    audit_event(
        actor=reviewed_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"released_unflagged": len(pending), "items": [str(i.pk) for i in pending]},
        reason="released the items that name no third party",
    )
    return len(pending)


@transaction.atomic
def sar_bundle_produce(*, sar: SubjectAccessRequest, produced_by: User) -> SarBundle:
    """The PDF and JSON, with every redaction applied; nothing is released unreviewed."""
    sar = _locked(sar)
    if sar.state not in (SarState.REVIEW, SarState.READY):
        raise _refuse(state="Gather and review the records before making the bundle")
    pending = sar.items.filter(decision=ItemDecision.PENDING).count()
    if pending:
        raise _refuse(state=f"{pending} items are not reviewed yet: nothing is released unreviewed")
    content = bundles.bundle_content(sar)
    pdf = bundles.bundle_pdf(sar, content)
    data = bundles.bundle_json(content)
    SarBundle.objects.filter(sar=sar).delete()
    made = SarBundle.objects.create(
        sar=sar,
        pdf=pdf,
        json=data,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        json_sha256=hashlib.sha256(data).hexdigest(),
        items_released=len(content["records"]),
        items_withheld=content["withheld"],
        produced_by=produced_by,
    )
    sar.state = SarState.READY
    sar.save(update_fields=["state", "updated_at"])
    audit_event(
        actor=produced_by,
        action=AuditAction.CREATE,
        target=sar,
        changes={
            "bundle": str(made.pk),
            "released": made.items_released,
            "withheld": made.items_withheld,
            "pdf_sha256": made.pdf_sha256,
            "json_sha256": made.json_sha256,
        },
        reason="bundle produced",
    )
    return made


def sar_bundle_download_record(*, sar: SubjectAccessRequest, fmt: str, downloaded_by: User) -> None:
    audit_event(
        actor=downloaded_by,
        action=AuditAction.EXPORT,
        target=sar,
        changes={"format": fmt.upper()},
        reason="bundle downloaded",
    )


@transaction.atomic
def sar_mark_sent(
    *, sar: SubjectAccessRequest, sent_on: dt.date, sent_how: str, sent_by: User
) -> SubjectAccessRequest:
    sar = _locked(sar)
    if sar.state != SarState.READY:
        raise _refuse(state="Only a request whose bundle is ready can be sent")
    _not_future("sent_on", sent_on, "it was sent")
    if sent_on < sar.received_on:
        raise _refuse(sent_on="The date it was sent must be on or after receipt")
    if not sent_how.strip():
        raise _refuse(sent_how="Say how it was sent (for example, by secure email)")
    sar.state = SarState.SENT
    sar.closed_on = sent_on
    sar.sent_how = sent_how.strip()
    sar.save()
    audit_event(
        actor=sent_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"state": ["ready", "sent"], "sent_on": sent_on, "how": sar.sent_how},
        reason="bundle sent",
    )
    return sar


@transaction.atomic
def sar_refuse(
    *,
    sar: SubjectAccessRequest,
    refused_on: dt.date,
    reasons: str,
    rights_explained: bool,
    refused_by: User,
) -> SubjectAccessRequest:
    """reference.md s7 (DUAA 2025): a refusal gives reasons and explains the right to complain to
    the provider and the ICO and to go to court."""
    sar = _locked(sar)
    _open(sar)
    _not_future("refused_on", refused_on, "of the refusal")
    if not reasons.strip():
        raise _refuse(reasons="Give the reasons for refusing")
    if not rights_explained:
        raise _refuse(
            rights_explained="Confirm the person was told of their right to complain to us, "
            "the ICO and the courts"
        )
    before = sar.state
    sar.state = SarState.REFUSED
    sar.refusal_reasons = reasons.strip()
    sar.closed_on = refused_on
    sar.save()
    audit_event(
        actor=refused_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"state": [before, "refused"], "refused_on": refused_on, "rights_explained": True},
        reason=sar.refusal_reasons,
    )
    return sar


@transaction.atomic
def sar_withdraw(
    *, sar: SubjectAccessRequest, withdrawn_on: dt.date, note: str, withdrawn_by: User
) -> SubjectAccessRequest:
    sar = _locked(sar)
    _open(sar)
    _not_future("withdrawn_on", withdrawn_on, "it was withdrawn")
    if withdrawn_on < sar.received_on:
        raise _refuse(withdrawn_on="The date must be on or after receipt")
    before = sar.state
    sar.state = SarState.WITHDRAWN
    sar.closed_on = withdrawn_on
    sar.withdrawal_note = note.strip()
    sar.save()
    audit_event(
        actor=withdrawn_by,
        action=AuditAction.UPDATE,
        target=sar,
        changes={"state": [before, "withdrawn"], "withdrawn_on": withdrawn_on},
        reason=sar.withdrawal_note or "withdrawn",
    )
    return sar


def refusal_notice(sar: SubjectAccessRequest) -> dict[str, Any]:
    return {"reasons": sar.refusal_reasons, "rights": REFUSAL_RIGHTS}
