"""Every write of target hardening (seed 002 Lot 2): the catalogue, the home visit and its
assessment, items fitted, refusals, the manager's approval over the limit and additional needs.
Each is atomic, audited and (on a case) on the timeline (STYLE habit 1)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseState, Channel, Outcome
from haven.casework.services import case_event_record
from haven.casework.services.attempts import (
    AttemptRefusedError,
    SafeContactBlockedError,
    contact_attempt_record,
)
from haven.contracts.models import Contract, Organisation
from haven.contracts.profiles.stored import profile_of
from haven.contracts.profiles.target_hardening import TargetHardeningSpec
from haven.core.auditor import audit_event
from haven.core.formatting import datetime_format
from haven.core.models import AuditAction
from haven.targethardening.models import (
    FittedItem,
    Fitting,
    Refusal,
    RefusedBy,
    SecurityItem,
    TargetHardeningJob,
)
from haven.targethardening.scoring import Assessed, UnknownAnswerError, assess
from haven.validators import (
    NOTE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    date_problem,
    moment_problem,
    refuse,
    text_problem,
    to_the_minute,
)

NAME_MAX_LENGTH = 120
WORK_MAX_LENGTH = 200
MAX_UNIT_PRICE = Decimal("10000")
MAX_QUANTITY = 50


def target_hardening_spec(contract: Contract) -> TargetHardeningSpec | None:
    """The contract's `target_hardening:` section, or None when it has none."""
    try:
        return profile_of(contract).target_hardening
    except ValueError:
        return None


def _spec_or_refuse(case: Case) -> TargetHardeningSpec:
    spec = target_hardening_spec(case.contract)
    if spec is None:
        raise ValidationError("This contract does not provide target hardening")
    return spec


def assessment_of(
    spec: TargetHardeningSpec, concerns: Collection[str], vulnerabilities: Collection[str]
) -> Assessed:
    """The profile's scoring applied to the answers (scoring.assess)."""
    rules = spec.assessment
    return assess(
        rules.questions,
        rules.vulnerability_factors,
        rules.levels,
        concerns=concerns,
        vulnerabilities=vulnerabilities,
    )


# The catalogue


@transaction.atomic
def security_item_save(
    *,
    provider: Organisation,
    saved_by: User,
    name: str,
    police_approved: bool,
    unit_price: Decimal,
    max_per_property: int,
    fitting: str,
    active: bool = True,
    item: SecurityItem | None = None,
) -> SecurityItem:
    """Add an item to the provider's catalogue, or change one (prices already charged on
    fitted items stay as they were: FittedItem keeps the unit price of its time)."""
    if not saved_by.has_perm("targethardening.manage_catalogue", provider):
        raise PermissionDenied("Only the provider's service managers keep the catalogue")
    if item is not None and item.provider_id != provider.pk:
        raise PermissionDenied("This item is another provider's")
    name = name.strip()
    taken = SecurityItem.objects.filter(provider=provider, name__iexact=name)
    if item is not None:
        taken = taken.exclude(pk=item.pk)
    refuse(
        {
            "name": "Enter the item's name"
            if not name
            else text_problem(name, subject="The name", limit=NAME_MAX_LENGTH)
            or ("The catalogue already has an item of this name" if taken.exists() else None),
            "unit_price": "The unit price must be £0 or more"
            if unit_price < 0
            else (
                f"The unit price must be £{MAX_UNIT_PRICE:,} or less"
                if unit_price > MAX_UNIT_PRICE
                else None
            ),
            "max_per_property": None
            if 1 <= max_per_property <= MAX_QUANTITY
            else f"The maximum per property must be between 1 and {MAX_QUANTITY}",
            "fitting": None if fitting in Fitting.values else "Select who fits the item",
        }
    )
    values = {
        "name": name,
        "police_approved": police_approved,
        "unit_price": unit_price.quantize(Decimal("0.01")),
        "max_per_property": max_per_property,
        "fitting": fitting,
        "active": active,
    }
    if item is None:
        item = SecurityItem.objects.create(provider=provider, **values)
        changes = {key: [None, value] for key, value in values.items()}
        action = AuditAction.CREATE
    else:
        changes = {
            key: [getattr(item, key), value]
            for key, value in values.items()
            if getattr(item, key) != value
        }
        for key, value in values.items():
            setattr(item, key, value)
        item.save()
        action = AuditAction.UPDATE
    audit_event(actor=saved_by, action=action, target=item, changes=changes)
    return item


# The visit and its assessment


@transaction.atomic
def job_visit_record(
    *,
    case: Case,
    recorded_by: User,
    visited_at: datetime,
    concerns: Collection[str],
    vulnerabilities: Collection[str],
    override_reason: str = "",
    attempt_recorded: bool = False,
) -> TargetHardeningJob:
    """The home visit with its Home Security Assessment (seed 002 Lot 2 s3.1): the score and
    service level from the profile's rule; the visit is a contact attempt (visit, visit done)
    so it meets the standard (5 working days) or emergency (4 hours) visit task. The
    safe-contact check applies to the visit: a warning needs `override_reason`.

    `attempt_recorded`: the visit's contact attempt is already on the case (the demo's
    journeys record it), so only the assessment is added."""
    spec = _spec_or_refuse(case)
    if case.state == CaseState.CLOSED and not attempt_recorded:
        raise ValidationError("The case is closed")
    if TargetHardeningJob.objects.filter(case=case).exists():
        raise ValidationError("The visit is already recorded")
    received = case.referral.received_at if case.referral is not None else case.opened_at
    refuse(
        {
            "visited_at": moment_problem(
                visited_at,
                subject="Date and time of the visit",
                now=timezone.now(),
                not_before=to_the_minute(received),
                not_before_what=f"the time the referral was received, {datetime_format(received)}",
            )
        }
    )
    try:
        assessed = assessment_of(spec, concerns, vulnerabilities)
    except UnknownAnswerError as unknown:
        raise ValidationError({"concerns": str(unknown)}) from None
    try:
        if not attempt_recorded:
            contact_attempt_record(
                case=case,
                channel=Channel.VISIT,
                outcome=Outcome.VISIT_DONE,
                attempted_at=visited_at,
                recorded_by=recorded_by,
                notes="Home security visit (target hardening)",
                override_reason=override_reason,
            )
    except SafeContactBlockedError as blocked:
        message = (
            "Safe-contact warning for a visit: "
            + "; ".join(blocked.reasons)
            + ". Give the reason it was safe to visit"
        )
        raise ValidationError({"override_reason": message}) from None
    except AttemptRefusedError as refused:
        raise ValidationError({"visited_at": str(refused)}) from None
    job = TargetHardeningJob.objects.create(
        case=case,
        visited_at=visited_at,
        visited_by=recorded_by,
        concerns=sorted(set(concerns)),
        vulnerabilities=sorted(set(vulnerabilities)),
        score=assessed.score,
        service_level=assessed.level,
        explanation=assessed.explanation[:2000],
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=job,
        changes={
            "visited_at": [None, visited_at],
            "score": [None, assessed.score],
            "service_level": [None, assessed.level],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TARGET_HARDENING_VISIT,
        actor=recorded_by,
        target=job,
        summary=f"Home security assessment: service level {assessed.level} "
        f"({assessed.explanation})"[:500],
        data={"score": assessed.score, "level": assessed.level, "citation": "seed 002 Lot 2 s3.1"},
        occurred_at=visited_at,
    )
    return job


# Items fitted


def spent_on(job: TargetHardeningJob) -> Decimal:
    """The cost of the items fitted at the property so far."""
    total = job.fitted.aggregate(total=Sum(F("unit_price") * F("quantity")))["total"]
    return Decimal(total or 0).quantize(Decimal("0.01"))


def _item_problem(job: TargetHardeningJob, item: SecurityItem) -> str | None:
    if item.provider_id != job.case.contract.provider_id or not item.active:
        return "Select an item from the catalogue"
    # seed 002 Lot 2 s3.1: products "of a high quality and a recognised standard i.e. Police
    # approved/kite marked"
    if not item.police_approved:
        return f"{item.name} is not police approved or kitemarked: record it as refused instead"
    # seed 002 Lot 2 s3.1: level 1 is advice; 2 adds items the victim fits; 3 a specialist's
    if job.service_level == 1:
        return "Service level 1 is crime prevention advice only: no items are supplied"
    if job.service_level == 2 and item.fitting == Fitting.SPECIALIST:
        return f"{item.name} needs a specialist fitter: service level 2 supplies items the victim fits or uses"
    return None


@transaction.atomic
def item_fit(
    *,
    job: TargetHardeningJob,
    item: SecurityItem,
    quantity: int,
    fitted_on: date,
    recorded_by: User,
) -> FittedItem:
    """Items supplied or fitted at the property, at the catalogue's price today. Refuses an item
    the service level does not supply, more than the item's maximum per property, and a total
    over the profile's maximum per property unless a manager approved it (seed 002 Lot 2 s3.1:
    "provide and fit items up to an agreed price")."""
    job = (
        TargetHardeningJob.objects.select_for_update()
        .select_related("case__contract")
        .get(pk=job.pk)
    )
    spec = _spec_or_refuse(job.case)
    already = sum(f.quantity for f in job.fitted.filter(item=item))
    quantity_problem = None
    if not 1 <= quantity <= MAX_QUANTITY:
        quantity_problem = f"The quantity must be between 1 and {MAX_QUANTITY}"
    elif already + quantity > item.max_per_property:
        quantity_problem = f"At most {item.max_per_property} of {item.name} per property" + (
            f" ({already} already fitted)" if already else ""
        )
    visited = timezone.localtime(job.visited_at).date()
    refuse(
        {
            "item": _item_problem(job, item),
            "quantity": quantity_problem,
            "fitted_on": "Date fitted must be today or in the past"
            if fitted_on > timezone.localdate()
            else date_problem(fitted_on, subject="Date fitted", earliest=visited),
        }
    )
    limit = spec.budget.per_property
    after = spent_on(job) + item.unit_price * quantity
    if after > limit and job.over_limit_approved_at is None:
        raise ValidationError(
            {
                "quantity": f"This brings the spend on the property to £{after:,.2f}, over the "
                f"£{limit:,.2f} limit: a manager must approve spending more first"
            }
        )
    fitted = FittedItem.objects.create(
        job=job,
        item=item,
        quantity=quantity,
        unit_price=item.unit_price,
        fitted_on=fitted_on,
        recorded_by=recorded_by,
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=fitted,
        changes={
            "item": [None, item.name],
            "quantity": [None, quantity],
            "unit_price": [None, item.unit_price],
            "fitted_on": [None, fitted_on],
        },
    )
    case_event_record(
        case=job.case,
        kind=CaseEventKind.TARGET_HARDENING_ITEM,
        actor=recorded_by,
        target=fitted,
        summary=f"Fitted {quantity} × {item.name} (£{fitted.cost:,.2f}; £{after:,.2f} in all)",
        data={"cost": str(fitted.cost)},
        # on the timeline at the day fitted (midday, not before the visit nor after now)
        occurred_at=min(
            max(timezone.make_aware(datetime.combine(fitted_on, time(12))), job.visited_at),
            timezone.now(),
        ),
    )
    return fitted


@transaction.atomic
def job_over_limit_approve(
    *, job: TargetHardeningJob, approved_by: User, reason: str
) -> TargetHardeningJob:
    """A team leader or service manager approves spending more than the profile's maximum on
    this property, with the reason."""
    job = TargetHardeningJob.objects.select_for_update().get(pk=job.pk)
    if not approved_by.has_perm("targethardening.approve_over_limit", job.case):
        raise PermissionDenied("Only a team leader or service manager may approve this")
    if job.over_limit_approved_at is not None:
        raise ValidationError("Spending over the limit is already approved")
    reason = reason.strip()
    refuse(
        {
            "reason": "Enter why more may be spent on this property"
            if not reason
            else text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)
        }
    )
    now = timezone.now()
    job.over_limit_approved_by, job.over_limit_approved_at, job.over_limit_reason = (
        approved_by,
        now,
        reason,
    )
    job.save(
        update_fields=[
            "over_limit_approved_by",
            "over_limit_approved_at",
            "over_limit_reason",
            "updated_at",
        ]
    )
    audit_event(
        actor=approved_by,
        action=AuditAction.UPDATE,
        target=job,
        changes={"over_limit_approved_at": [None, now]},
        reason=reason,
    )
    case_event_record(
        case=job.case,
        kind=CaseEventKind.TARGET_HARDENING_OVER_LIMIT,
        actor=approved_by,
        target=job,
        summary="Spending over the per-property limit approved",
        data={},
    )
    return job


# Refusals and additional needs


@transaction.atomic
def refusal_record(
    *,
    job: TargetHardeningJob,
    recorded_by: User,
    refused_by: str,
    reason: str,
    item: SecurityItem | None = None,
    work: str = "",
) -> Refusal:
    """An item or piece of work not supplied: refused by the victim, the landlord's or owner's
    responsibility (seed 002 Lot 2 s3.1: "if a door is smashed down ... the target hardening
    service should not be replacing this"), or not police approved."""
    work, reason = work.strip(), reason.strip()
    item_problem = None
    if item is not None and item.provider_id != job.case.contract.provider_id:
        item_problem = "Select an item from the catalogue"
    elif item is None and not work:
        item_problem = "Select the item, or describe the work refused"
    refuse(
        {
            "item": item_problem,
            "work": text_problem(work, subject="The work", limit=WORK_MAX_LENGTH),
            "refused_by": None if refused_by in RefusedBy.values else "Select why it was refused",
            "reason": "Enter the reason"
            if not reason
            else text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH),
        }
    )
    refusal = Refusal.objects.create(
        job=job,
        item=item,
        work=work,
        refused_by=refused_by,
        reason=reason,
        recorded_by=recorded_by,
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=refusal,
        changes={"what": [None, refusal.what], "refused_by": [None, refused_by]},
    )
    case_event_record(
        case=job.case,
        kind=CaseEventKind.TARGET_HARDENING_REFUSAL,
        actor=recorded_by,
        target=refusal,
        summary=f"Not supplied: {refusal.what} ({RefusedBy(refused_by).label.lower()})"[:500],
        data={"refused_by": refused_by},
    )
    return refusal


@transaction.atomic
def additional_needs_record(
    *,
    job: TargetHardeningJob,
    recorded_by: User,
    needs: str,
    consent_to_share: bool,
    feed_back: bool,
) -> TargetHardeningJob:
    """Additional needs found while with the victim; fed back to the referrer only with the
    victim's consent (seed 002 Lot 2 s6: "fed back to the referrer (with the consent of the
    Victim)")."""
    job = TargetHardeningJob.objects.select_for_update().get(pk=job.pk)
    needs = needs.strip()
    refuse(
        {
            "needs": "Enter the additional needs"
            if not needs
            else text_problem(needs, subject="The additional needs", limit=NOTE_MAX_LENGTH),
            "feed_back": "The victim has not consented to sharing: the needs cannot be fed back "
            "to the referrer (seed 002 Lot 2 s6)"
            if feed_back and not consent_to_share
            else None,
            "consent_to_share": "The needs were already fed back to the referrer with consent"
            if job.needs_fed_back_at is not None and not consent_to_share
            else None,
        }
    )
    now = timezone.now()
    before = {"consent_to_share": job.consent_to_share, "fed_back": job.needs_fed_back_at}
    job.additional_needs, job.consent_to_share = needs, consent_to_share
    if feed_back and job.needs_fed_back_at is None:
        job.needs_fed_back_at = now
    job.save(
        update_fields=["additional_needs", "consent_to_share", "needs_fed_back_at", "updated_at"]
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=job,
        changes={
            "consent_to_share": [before["consent_to_share"], consent_to_share],
            "needs_fed_back_at": [before["fed_back"], job.needs_fed_back_at],
        },
    )
    fed = "fed back to the referrer" if job.needs_fed_back_at else "not fed back"
    case_event_record(
        case=job.case,
        kind=CaseEventKind.TARGET_HARDENING_NEEDS,
        actor=recorded_by,
        target=job,
        summary=f"Additional needs recorded ({fed})",
        data={"consent_to_share": consent_to_share},
    )
    return job
