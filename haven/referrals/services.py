"""Every write to referrals: create (with eligibility and repeat flag), accept, decline."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.referrals.eligibility import Decision as EligibilityDecision
from haven.referrals.eligibility import ReferralFacts, assess
from haven.referrals.models import MANUAL_SOURCE, Decision, DeclineCategory, Referral
from haven.validators import (
    NOTE_MAX_LENGTH,
    REASON_MAX_LENGTH,
    moment_problem,
    refuse,
    text_problem,
)

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant

# SafeLives (seed 004 s10 A2): a repeat referral is one within 12 months of the last.
REPEAT_WINDOW = timedelta(days=365)


class ReferralNotPendingError(Exception):
    """Only a referral waiting for a decision can be accepted or declined."""


def refuse_unless_may_decide(referral: Referral, actor: User | None) -> None:
    """A member of staff decides only where `referrals.decide_referral` allows (the system,
    e.g. the workbook import run from the command line, decides as itself)."""
    if actor is not None and not actor.has_perm("referrals.decide_referral", referral):
        raise PermissionDenied("You may not decide referrals to this contract")


def eligibility_of(referral: Referral) -> EligibilityDecision:
    """The profile's eligibility rules applied to what the referral says about the person."""
    person = referral.person
    facts = ReferralFacts(
        age=person.age(timezone.localdate(referral.received_at)),
        area=person.local_authority or None,
        postcode=person.postcode or None,
        town=person.town or None,
        gender=person.gender or None,
        primary_support_need=referral.primary_support_need or None,
        consent_to_contact=referral.consent_to_contact,
    )
    return assess(referral.contract.profile.get("eligibility"), facts)


def is_repeat_referral(
    *, person: Any, contract: Any, received_at: datetime, exclude_id: Any = None
) -> bool:
    earlier = Referral.objects.filter(
        person=person,
        contract__provider_id=contract.provider_id,
        received_at__gte=received_at - REPEAT_WINDOW,
        received_at__lte=received_at,
    )
    if exclude_id is not None:
        earlier = earlier.exclude(pk=exclude_id)
    return earlier.exists()


@transaction.atomic
def eligibility_apply(referral: Referral) -> None:
    """Record the profile's eligibility checks on a new (unsaved) referral; an ineligible one is
    declined at once with the reasons. `referral_create` and the workbook's bulk import use it."""
    decision = eligibility_of(referral)
    referral.eligibility_reasons = decision.reasons + decision.checks
    if not decision.eligible:
        referral.decision = Decision.DECLINED
        referral.decision_reason = "; ".join(decision.reasons)
        referral.decline_category = decision.category or DeclineCategory.OUTSIDE_ELIGIBILITY
        referral.decided_at = timezone.now()


def _check_plausible(*, received_at: datetime, details: dict[str, Any], born: date | None) -> None:
    """Times between 1900 (or the person's birth) and now (a few minutes' clock skew), free
    text of a sensible length; refused by field before anything is saved (issue 9 s4)."""
    now = timezone.now()
    incident_at = details.get("incident_at")
    birth = datetime.combine(born, time(), tzinfo=timezone.get_current_timezone()) if born else None
    refuse(
        {
            "received_at": moment_problem(
                received_at,
                subject="Date and time the referral was received",
                now=now,
                not_before=birth,
                not_before_what="the person's date of birth",
            ),
            "incident_at": moment_problem(
                incident_at, subject="Date and time of the incident", now=now
            )
            if incident_at
            else None,
            **{
                name: text_problem(details.get(name) or "", subject=label, limit=NOTE_MAX_LENGTH)
                for name, label in (
                    ("risk_indicators", "Risk and vulnerability indicators"),
                    ("presenting_need", "Presenting need"),
                )
            },
        }
    )


def route_problem(contract: Any, route: str) -> str | None:
    """A route the contract's profile does not list is refused (seed 002 Lot 2 s1, s3.1, s8:
    target hardening "will exclusively receive referrals from these two victim support
    services"); a profile listing no routes takes any."""
    routes = {r.get("key"): r.get("label") for r in contract.profile.get("referral_routes") or []}
    if not routes or route in routes:
        return None
    allowed = "; ".join(str(label) for label in routes.values())
    return f"{contract.name} does not take referrals by this route. Its routes are: {allowed}"


def referral_create(
    *,
    contract: Any,
    person: Any,
    entered_by: User | None,
    route: str,
    received_at: datetime,
    source: str = MANUAL_SOURCE,
    external_id: str = "",
    **details: Any,
) -> Referral:
    """Record a referral; ineligible ones are declined at once and kept with their reasons.

    `details` are Referral fields (contact_method, consent_to_contact, priority, ...).
    Idempotent for imports: the same (source, external_id) returns the existing referral.
    """
    if external_id:
        existing = Referral.objects.filter(source=source, external_id=external_id).first()
        if existing is not None:
            return existing
    refuse({"route": route_problem(contract, route)})
    _check_plausible(received_at=received_at, details=details, born=person.date_of_birth)
    referral = Referral(
        contract=contract,
        person=person,
        entered_by=entered_by,
        route=route,
        received_at=received_at,
        source=source,
        external_id=external_id,
        **details,
    )
    referral.is_repeat = is_repeat_referral(
        person=person, contract=contract, received_at=received_at
    )
    eligibility_apply(referral)
    referral.save()
    audit_event(
        actor=entered_by,
        action=AuditAction.CREATE,
        target=referral,
        changes={
            "route": [None, route],
            "decision": [None, referral.decision],
            "is_repeat": [None, referral.is_repeat],
        },
    )
    return referral


@transaction.atomic
def referral_decline(
    *, referral: Referral, declined_by: User, category: str, reason: str
) -> Referral:
    """Decline with a reason category (seed 004 s10 A3: declines are counted with their
    reasons) and the reason in words; the referral is kept."""
    refuse_unless_may_decide(referral, declined_by)
    if referral.decision != Decision.PENDING:
        raise ReferralNotPendingError("This referral has already been decided")
    if category not in DeclineCategory.values:
        raise ValueError("Select why the referral is declined")
    if not reason.strip():
        raise ValueError("Enter the reason for declining the referral")
    refuse({"reason": text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH)})
    referral.decision = Decision.DECLINED
    referral.decline_category = category
    referral.decision_reason = reason.strip()
    referral.decided_at = timezone.now()
    referral.decided_by = declined_by
    referral.save(
        update_fields=[
            "decision",
            "decline_category",
            "decision_reason",
            "decided_at",
            "decided_by",
            "updated_at",
        ]
    )
    audit_event(
        actor=declined_by,
        action=AuditAction.UPDATE,
        target=referral,
        changes={
            "decision": [Decision.PENDING, Decision.DECLINED],
            "decline_category": ["", category],
        },
        reason=reason.strip(),
    )
    return referral


def referral_view_record(
    *, referral: Referral, viewed_by: User, grant: BreakGlassGrant | None = None
) -> None:
    """A read of a referral (personal data) is audited; behind a restricted case, as a
    restricted view with the break-glass reason."""
    if grant is not None:
        audit_event(
            actor=viewed_by,
            action=AuditAction.VIEW_RESTRICTED,
            target=referral,
            reason=grant.reason,
        )
    else:
        audit_event(actor=viewed_by, action=AuditAction.VIEW, target=referral)
