"""Every retention write: the due-list scan, review decisions, legal holds, erasure requests.

reference.md s7 (Retention; Right to erasure Art. 17; Erasure limits). Each service checks the
permission itself, refuses with a ValidationError per field and writes its audit events. The
scan runs as the system actor; decisions are the data protection officer's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Min, Q
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines.statutory import statutory_due_date
from haven.people.ages import ADULT_AGE, age_on
from haven.people.models import Person
from haven.referrals.models import Decision
from haven.retention.anonymise import anonymise_person
from haven.retention.models import (
    Anonymisation,
    ErasureDecision,
    ErasureGround,
    ErasureRequest,
    ItemStatus,
    LegalHold,
    Method,
    RefusalReason,
    RetentionItem,
)
from haven.retention.schedule import (
    RetentionSchedule,
    add_years,
    financial_year_end,
    schedule_in_force,
)
from haven.validators import text_problem

REASON_LIMIT = 2000


def _may_manage(user: User) -> None:
    if not user.has_perm("retention.manage"):
        raise ValidationError({"__all__": "Only the data protection officer can do this"})


def _reason(value: str, *, field: str, subject: str, problems: dict[str, str]) -> str:
    text = (value or "").strip()
    if not text:
        problems[field] = f"Enter {subject.lower()}"
    elif problem := text_problem(text, subject=subject, limit=REASON_LIMIT):
        problems[field] = problem
    return text


# --- holds ------------------------------------------------------------------------------------


def active_holds_on(person: Person) -> list[LegalHold]:
    """Legal holds in force on the person or on any of their cases."""
    return list(
        LegalHold.objects.filter(lifted_at__isnull=True).filter(
            Q(person=person) | Q(case__person=person)
        )
    )


def held_person_ids() -> set[object]:
    held = LegalHold.objects.filter(lifted_at__isnull=True)
    return set(held.filter(person__isnull=False).values_list("person_id", flat=True)) | set(
        held.filter(case__isnull=False).values_list("case__person_id", flat=True)
    )


@transaction.atomic
def legal_hold_place(
    *, placed_by: User, reason: str, person: Person | None = None, case: Case | None = None
) -> LegalHold:
    """Stop retention and erasure for a person (all their records) or one case (and its person)."""
    _may_manage(placed_by)
    problems: dict[str, str] = {}
    text = _reason(reason, field="reason", subject="The reason for the hold", problems=problems)
    if (person is None) == (case is None):
        problems["__all__"] = "A legal hold is on a person or on a case"
    if problems:
        raise ValidationError(problems)
    hold = LegalHold.objects.create(
        person=person, case=case, reason=text, placed_by=placed_by, placed_at=timezone.now()
    )
    audit_event(
        actor=placed_by,
        action=AuditAction.CREATE,
        target=hold,
        changes={"on": "person" if person else "case", "target": str((person or case).pk)},  # type: ignore[union-attr]
    )
    return hold


@transaction.atomic
def legal_hold_lift(*, hold: LegalHold, lifted_by: User, reason: str) -> LegalHold:
    _may_manage(lifted_by)
    problems: dict[str, str] = {}
    text = _reason(reason, field="reason", subject="The reason for lifting it", problems=problems)
    hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
    if hold.lifted_at is not None:
        problems["__all__"] = "This legal hold has already been lifted"
    if problems:
        raise ValidationError(problems)
    hold.lifted_by, hold.lifted_at, hold.lift_reason = lifted_by, timezone.now(), text
    hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason", "updated_at"])
    audit_event(actor=lifted_by, action=AuditAction.UPDATE, target=hold, changes={"lifted": True})
    return hold


# --- the due list -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    record_type: str
    rule_code: str
    trigger_on: dt.date
    due_on: dt.date


def due_for(
    person: Person,
    *,
    last_closed: dt.datetime | None,
    first_seen: dt.datetime | None,
    last_change: dt.datetime,
    schedule: RetentionSchedule,
) -> Due:
    """When the schedule makes this person's record due (only for people with no open case and
    no referral waiting for a decision; the caller checks that)."""
    # reference.md s7: CASE+6 (six years after closure), DOB+25 (children), 6+ (six years from
    # the end of the financial year of last change) - local-practice defaults, not a standard
    if last_closed is not None:
        adult = schedule.rule_for("adult")
        base = Due(
            "adult", adult.code, last_closed.date(), add_years(last_closed.date(), adult.years)
        )
    else:
        rule = schedule.rule_for("no_case")
        trigger = financial_year_end(last_change.date())
        base = Due("no_case", rule.code, trigger, add_years(trigger, rule.years))
    was_child = person.is_child or (
        person.date_of_birth is not None
        and first_seen is not None
        and age_on(person.date_of_birth, first_seen.date()) < ADULT_AGE
    )
    if was_child and person.date_of_birth is not None:
        child = schedule.rule_for("child")
        until = add_years(person.date_of_birth, child.years)
        return Due("child", child.code, person.date_of_birth, max(until, base.due_on))
    return base


@dataclass(frozen=True)
class ScanResult:
    added: int
    back_from_deferral: int
    held: int


def retention_scan(*, today: dt.date | None = None) -> ScanResult:
    """List every record due for review (idempotent: running twice adds nothing new).

    Run by the `retention_due` task (`haven retention-due`, a systemd timer) as the system actor.
    """
    today = today or timezone.localdate()
    schedule = schedule_in_force()
    held = held_person_ids()
    back = 0
    for item in RetentionItem.objects.filter(
        status=ItemStatus.DEFERRED, deferred_until__lte=today
    ).order_by("pk"):
        with transaction.atomic():
            item.status = ItemStatus.DUE
            item.save(update_fields=["status", "updated_at"])
            audit_event(
                actor=None,
                action=AuditAction.UPDATE,
                target=item,
                changes={"status": ["deferred", "due"]},
            )
            back += 1
    people = (
        Person.objects.exclude(anonymisation__isnull=False)
        .exclude(retention_items__status__in=[ItemStatus.DUE, ItemStatus.DEFERRED])
        .annotate(
            open_cases=Count("cases", filter=Q(cases__closed_at__isnull=True), distinct=True),
            pending=Count(
                "referrals", filter=Q(referrals__decision=Decision.PENDING), distinct=True
            ),
            last_closed=Max("cases__closed_at"),
            first_case=Min("cases__opened_at"),
            first_referral=Min("referrals__received_at"),
            referral_changed=Max("referrals__updated_at"),
        )
        .filter(open_cases=0, pending=0)
        .order_by("pk")
    )
    added = held_count = 0
    for person in people:
        row: Any = person  # annotated above
        first_seen = min(
            (d for d in (row.first_case, row.first_referral) if d is not None), default=None
        )
        last_change = max(d for d in (person.updated_at, row.referral_changed) if d is not None)
        due = due_for(
            person,
            last_closed=row.last_closed,
            first_seen=first_seen,
            last_change=last_change,
            schedule=schedule,
        )
        if due.due_on > today:
            continue
        if person.pk in held:  # a legal hold stops retention for everything it covers
            held_count += 1
            continue
        try:
            with transaction.atomic():
                item = RetentionItem.objects.create(
                    person=person,
                    organisation_id=person.organisation_id,
                    record_type=due.record_type,
                    rule_code=due.rule_code,
                    trigger_on=due.trigger_on,
                    due_on=due.due_on,
                    found_at=timezone.now(),
                )
                audit_event(
                    actor=None,
                    action=AuditAction.CREATE,
                    target=item,
                    changes={"rule_code": due.rule_code, "due_on": due.due_on},
                )
        except IntegrityError:  # another scan listed them meanwhile
            continue
        added += 1
    return ScanResult(added=added, back_from_deferral=back, held=held_count)


# --- review decisions -------------------------------------------------------------------------


def _carry_out(
    *,
    person: Person,
    method: str,
    by: User,
    item: RetentionItem | None = None,
    request: ErasureRequest | None = None,
) -> Anonymisation:
    """Anonymise or erase one person (the caller's transaction makes it all or nothing)."""
    holds = active_holds_on(person)
    if holds:
        raise ValidationError(
            {"__all__": "A legal hold stops this: lift the hold first (it covers this person)"}
        )
    if Anonymisation.objects.filter(person=person).exists():
        raise ValidationError({"__all__": "This person's record has already been anonymised"})
    outcome = anonymise_person(person, erase=method == Method.ERASE)
    done = Anonymisation.objects.create(
        person=person,
        method=method,
        done_at=timezone.now(),
        done_by=by,
        retention_item=item,
        erasure_request=request,
        fields_cleared=outcome.fields_cleared,
        rows_deleted=outcome.rows_deleted,
        audit_events_redacted=outcome.audit_events_redacted,
    )
    # counts and field-free facts only: the audit trail keeps no personal data of the person
    audit_event(
        actor=by,
        action=AuditAction.UPDATE if method == Method.ANONYMISE else AuditAction.DELETE,
        target=person,
        changes={
            "retention": method,
            "fields_cleared": outcome.fields_cleared,
            "rows_deleted": outcome.rows_deleted,
            "audit_events_redacted": outcome.audit_events_redacted,
        },
        reason=f"retention item {item.pk}"
        if item
        else f"erasure request {request.pk}"
        if request
        else "",
    )
    audit_event(actor=by, action=AuditAction.CREATE, target=done)
    # any open retention item for the person is settled by this
    for open_item in RetentionItem.objects.filter(person=person).exclude(status=ItemStatus.DONE):
        open_item.status, open_item.method = ItemStatus.DONE, method
        open_item.decided_by, open_item.decided_at = by, done.done_at
        open_item.save(update_fields=["status", "method", "decided_by", "decided_at", "updated_at"])
        audit_event(
            actor=by,
            action=AuditAction.UPDATE,
            target=open_item,
            changes={"status": "done", "method": method},
        )
    return done


@dataclass
class BatchResult:
    done: list[RetentionItem]
    refused: dict[str, str]  # item id: why


def retention_items_approve(
    *, items: Iterable[RetentionItem], method: str, decided_by: User
) -> BatchResult:
    """Approve due items: each person is anonymised (or erased) in a transaction of its own, so
    a failure part way leaves earlier people done and that person untouched (never half-done)."""
    _may_manage(decided_by)
    if method not in Method.values:
        raise ValidationError({"method": "Choose anonymise or erase"})
    result = BatchResult([], {})
    for given in items:
        with transaction.atomic():
            item = RetentionItem.objects.select_for_update().get(pk=given.pk)
            if item.status == ItemStatus.DONE:
                result.refused[str(item.pk)] = "already done"
                continue
            try:
                with transaction.atomic():
                    _carry_out(person=item.person, method=method, by=decided_by, item=item)
            except ValidationError as refused:
                result.refused[str(item.pk)] = "; ".join(refused.messages)
                continue
            item.refresh_from_db()
            result.done.append(item)
    return result


def retention_items_defer(
    *, items: Iterable[RetentionItem], until: dt.date | None, reason: str, decided_by: User
) -> list[RetentionItem]:
    """Defer due items to a later date with a reason (all or none)."""
    _may_manage(decided_by)
    problems: dict[str, str] = {}
    text = _reason(reason, field="reason", subject="The reason for deferring", problems=problems)
    if until is None:
        problems["until"] = "Enter the date to review them again"
    elif until <= timezone.localdate():
        problems["until"] = "The date to review them again must be in the future"
    if problems:
        raise ValidationError(problems)
    deferred = []
    with transaction.atomic():
        for given in items:
            item = RetentionItem.objects.select_for_update().get(pk=given.pk)
            if item.status == ItemStatus.DONE:
                raise ValidationError({"__all__": "An item that is done cannot be deferred"})
            item.status, item.deferred_until, item.defer_reason = ItemStatus.DEFERRED, until, text
            item.decided_by, item.decided_at = decided_by, timezone.now()
            item.save(
                update_fields=[
                    "status",
                    "deferred_until",
                    "defer_reason",
                    "decided_by",
                    "decided_at",
                    "updated_at",
                ]
            )
            audit_event(
                actor=decided_by,
                action=AuditAction.UPDATE,
                target=item,
                changes={"status": "deferred", "deferred_until": until},
            )
            deferred.append(item)
    return deferred


# --- erasure requests (UK GDPR Art. 17) -------------------------------------------------------


@transaction.atomic
def erasure_request_log(
    *, person: Person, received_on: dt.date | None, grounds: str, details: str, logged_by: User
) -> ErasureRequest:
    _may_manage(logged_by)
    problems: dict[str, str] = {}
    if received_on is None:
        problems["received_on"] = "Enter the date the request was received"
    elif received_on > timezone.localdate():
        problems["received_on"] = "The date received must be today or in the past"
    if grounds not in ErasureGround.values:
        problems["grounds"] = "Choose the grounds the person gives"
    text = (details or "").strip()
    if problem := text_problem(text, subject="The details", limit=REASON_LIMIT):
        problems["details"] = problem
    if problems:
        raise ValidationError(problems)
    assert received_on is not None
    request = ErasureRequest.objects.create(
        person=person,
        organisation_id=person.organisation_id,
        received_on=received_on,
        # reference.md s7: "Respond within one month" (calendar month, next working day)
        due_on=statutory_due_date(received_on, months=1),
        grounds=grounds,
        details=text,
        logged_by=logged_by,
    )
    audit_event(
        actor=logged_by,
        action=AuditAction.CREATE,
        target=request,
        changes={"person": str(person.pk), "received_on": received_on, "grounds": grounds},
    )
    return request


@transaction.atomic
def erasure_request_decide(
    *,
    request: ErasureRequest,
    decision: str,
    decided_by: User,
    refusal_reason: str = "",
    notes: str = "",
    recipients_to_tell: str = "",
) -> ErasureRequest:
    """Decide a request: erase or anonymise (carried out now, through the retention path; legal
    holds respected) or refuse with an Art. 17(3) reason."""
    _may_manage(decided_by)
    request = ErasureRequest.objects.select_for_update().get(pk=request.pk)
    problems: dict[str, str] = {}
    if request.decision != ErasureDecision.PENDING:
        problems["__all__"] = "This request has already been decided"
    if decision not in {ErasureDecision.ERASE, ErasureDecision.ANONYMISE, ErasureDecision.REFUSE}:
        problems["decision"] = "Choose erase, anonymise or refuse"
    reasons = set(RefusalReason.values)
    # reference.md s7 (Erasure limits): a refusal rests on an Art. 17(3) / Schedule 2 ground
    if decision == ErasureDecision.REFUSE and refusal_reason not in reasons:
        problems["refusal_reason"] = "Choose the reason for refusing"
    for name, value in (("notes", notes), ("recipients_to_tell", recipients_to_tell)):
        if problem := text_problem(value.strip(), subject="This", limit=REASON_LIMIT):
            problems[name] = problem
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    request.decision = decision
    request.refusal_reason = refusal_reason if decision == ErasureDecision.REFUSE else ""
    request.decision_notes = notes.strip()
    request.recipients_to_tell = recipients_to_tell.strip()
    request.decided_by, request.decided_at = decided_by, now
    if decision != ErasureDecision.REFUSE:
        _carry_out(person=request.person, method=decision, by=decided_by, request=request)
        request.carried_out_at = now
        # the request's own free text may name the person: it goes too (the decision stays)
        request.details = ""
    request.save()
    audit_event(
        actor=decided_by,
        action=AuditAction.UPDATE,
        target=request,
        changes={"decision": decision, "refusal_reason": request.refusal_reason},
    )
    return request
