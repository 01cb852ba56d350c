"""Writing consents, information-sharing agreements and shares (issue 15 items 1-2).

`share_record` is the one way any app records that Haven shared a person's information
(an onward referral, a MARAC referral, a safeguarding referral, a partner shown a referral's
status, a record-level export). It relies on a current consent that covers the recipient, or
without one on a lawful basis with the reason (reference.md s7: an Art. 6 basis and an Art. 9 /
DPA 2018 Sch. 1 condition, e.g. Sch. 1 para 18 safeguarding); otherwise it refuses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Model, Q
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case
from haven.consent.models import (
    AgreementStatus,
    Art6Basis,
    Art9Condition,
    Consent,
    ConsentKind,
    HowGiven,
    Share,
    ShareBasis,
    ShareKind,
    SharingAgreement,
)
from haven.contracts.models import Organisation
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.validators import date_problem, refuse, text_problem

TEXT_LIMIT = 2000
NAME_LIMIT = 200
PURPOSE_LIMIT = 300
FORM_HOW_GIVEN = (HowGiven.VERBAL, HowGiven.WRITTEN, HowGiven.SIGNED_FORM)


def _day_problem(day: dt.date | None, subject: str, earliest: dt.date | None = None) -> str | None:
    if day is None:
        return f"Enter the {subject.lower()}"
    if day > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(day, subject=subject, earliest=earliest)


def _same(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold()


def _matching_current(person: Person, kind: str, recipient: str, purpose: str) -> Consent | None:
    for consent in Consent.objects.filter(person=person, kind=kind, withdrawn_on__isnull=True):
        if kind != ConsentKind.SHARE:
            return consent
        if _same(consent.recipient, recipient) and _same(consent.purpose, purpose):
            return consent
    return None


@transaction.atomic
def consent_record(
    *,
    person: Person,
    kind: str,
    given_on: dt.date,
    how_given: str,
    recorded_by: User,
    case: Case | None = None,
    recipient: str = "",
    purpose: str = "",
    note: str = "",
) -> Consent:
    """A consent given (seed 004 s11.1: the confidentiality agreement at intake and consent to
    support; consent to share with a named agency for a named purpose). Refused while the same
    consent is current: a consent is withdrawn before it is given again (a new row)."""
    recipient, purpose, note = recipient.strip(), purpose.strip(), note.strip()
    sharing = kind == ConsentKind.SHARE
    refuse(
        {
            "kind": None if kind in ConsentKind.values else "Select what the consent is to",
            "given_on": _day_problem(given_on, "Date given"),
            "how_given": None if how_given in HowGiven.values else "Select how it was given",
            "recipient": (
                "Enter the agency information may be shared with"
                if sharing and not recipient
                else text_problem(recipient, subject="The agency", limit=NAME_LIMIT)
            ),
            "purpose": (
                "Enter what the information may be shared for"
                if sharing and not purpose
                else text_problem(purpose, subject="The purpose", limit=PURPOSE_LIMIT)
            ),
            "note": text_problem(note, subject="The note", limit=TEXT_LIMIT),
        }
    )
    if case is not None and case.person_id != person.pk:
        raise ValueError("the case is not the person's")
    existing = _matching_current(person, kind, recipient, purpose)
    if existing is not None:
        refuse(
            {
                "kind": f"{existing} is already recorded (given {existing.given_on:%-d %B %Y}): "
                "withdraw it before recording it again"
            }
        )
    consent = Consent.objects.create(
        person=person,
        case=case,
        kind=kind,
        recipient=recipient if sharing else "",
        purpose=purpose if sharing else "",
        given_on=given_on,
        how_given=how_given,
        note=note,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=consent,
        changes={
            "person": [None, str(person.pk)],
            "kind": [None, kind],
            "given_on": [None, given_on],
            "how_given": [None, how_given],
        }
        | ({"recipient": [None, recipient], "purpose": [None, purpose]} if sharing else {}),
    )
    return consent


@transaction.atomic
def consent_withdraw(
    *, consent: Consent, withdrawn_by: User, withdrawn_on: dt.date, reason: str
) -> Consent:
    """The consent is withdrawn (when, by whom, why); the row stays as history."""
    reason = reason.strip()
    locked = Consent.objects.select_for_update().get(pk=consent.pk)
    if locked.withdrawn_on is not None:
        refuse({"withdrawn_on": "This consent has already been withdrawn"})
    refuse(
        {
            "withdrawn_on": _day_problem(withdrawn_on, "Date withdrawn", earliest=locked.given_on),
            "reason": "Enter why the consent was withdrawn"
            if not reason
            else text_problem(reason, subject="The reason", limit=TEXT_LIMIT),
        }
    )
    locked.withdrawn_on = withdrawn_on
    locked.withdrawn_by = withdrawn_by
    locked.withdrawn_reason = reason
    locked.withdrawn_recorded_at = timezone.now()
    locked.save(
        update_fields=[
            "withdrawn_on",
            "withdrawn_by",
            "withdrawn_reason",
            "withdrawn_recorded_at",
            "updated_at",
        ]
    )
    audit_event(
        actor=withdrawn_by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"withdrawn_on": [None, withdrawn_on]},
    )
    return locked


# -- information-sharing agreements ----------------------------------------------------------


def _agreement_problems(values: dict[str, Any]) -> dict[str, str | None]:
    signed_on = values.get("signed_on")
    review_on = values.get("review_on")
    return {
        "partner": "Enter the partner organisation"
        if not values["partner"]
        else text_problem(values["partner"], subject="The partner", limit=NAME_LIMIT),
        "purpose": "Enter the purpose of the sharing"
        if not values["purpose"]
        else text_problem(values["purpose"], subject="The purpose", limit=TEXT_LIMIT),
        "art6_basis": None
        if values["art6_basis"] in Art6Basis.values
        else "Select the UK GDPR Article 6 lawful basis",
        "art9_condition": None
        if values["art9_condition"] in Art9Condition.values
        else "Select the Article 9 or DPA 2018 Schedule 1 condition",
        "signed_on": _day_problem(signed_on, "Date signed") if signed_on is not None else None,
        "review_on": "Enter the review date"
        if review_on is None
        else date_problem(review_on, subject="Review date", earliest=signed_on),
        "status": None if values["status"] in AgreementStatus.values else "Select the status",
    }


AGREEMENT_FIELDS = (
    "partner",
    "purpose",
    "art6_basis",
    "art9_condition",
    "signed_on",
    "review_on",
    "status",
)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    cleaned = {name: values.get(name) for name in AGREEMENT_FIELDS}
    for name in ("partner", "purpose", "art6_basis", "art9_condition", "status"):
        cleaned[name] = (cleaned[name] or "").strip()
    return cleaned


@transaction.atomic
def agreement_add(
    *, organisation: Organisation, recorded_by: User, **values: Any
) -> SharingAgreement:
    """An information-sharing agreement on the provider's register (reference.md s7: its
    Art. 6 basis and Art. 9 / Sch. 1 condition)."""
    cleaned = _clean(values)
    refuse(_agreement_problems(cleaned))
    agreement = SharingAgreement.objects.create(
        organisation=organisation, recorded_by=recorded_by, **cleaned
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=agreement,
        changes={name: [None, cleaned[name]] for name in AGREEMENT_FIELDS if name != "purpose"},
    )
    return agreement


@transaction.atomic
def agreement_change(
    *, agreement: SharingAgreement, changed_by: User, **values: Any
) -> SharingAgreement:
    cleaned = _clean(values)
    refuse(_agreement_problems(cleaned))
    changes = {
        name: [getattr(agreement, name), value]
        for name, value in cleaned.items()
        if getattr(agreement, name) != value
    }
    for name, value in cleaned.items():
        setattr(agreement, name, value)
    agreement.save()
    if changes:
        audit_event(actor=changed_by, action=AuditAction.UPDATE, target=agreement, changes=changes)
    return agreement


@transaction.atomic
def agreement_review(
    *,
    agreement: SharingAgreement,
    reviewed_by: User,
    reviewed_on: dt.date,
    next_review_on: dt.date,
    note: str = "",
) -> SharingAgreement:
    """The agreement reviewed on `reviewed_on`; the next review is due `next_review_on`."""
    note = note.strip()
    refuse(
        {
            "reviewed_on": _day_problem(reviewed_on, "Date reviewed"),
            "next_review_on": "The next review must be after the review"
            if next_review_on is not None
            and reviewed_on is not None
            and next_review_on <= reviewed_on
            else (
                "Enter the next review date"
                if next_review_on is None
                else date_problem(next_review_on, subject="Next review date")
            ),
            "note": text_problem(note, subject="The note", limit=TEXT_LIMIT),
        }
    )
    before = agreement.review_on
    agreement.last_reviewed_on = reviewed_on
    agreement.last_reviewed_by = reviewed_by
    agreement.review_on = next_review_on
    agreement.review_note = note
    agreement.save()
    audit_event(
        actor=reviewed_by,
        action=AuditAction.UPDATE,
        target=agreement,
        changes={"last_reviewed_on": [None, reviewed_on], "review_on": [before, next_review_on]},
    )
    return agreement


# -- shares ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareCheck:
    """Whether a current consent covers sharing with the recipient for the purpose."""

    consent: Consent | None  # the consent that covers it
    withdrawn: Consent | None  # else the latest such consent that was withdrawn

    @property
    def covered(self) -> bool:
        return self.consent is not None


def _covers(consent: Consent, recipient: str, purpose: str) -> bool:
    """A consent to share covers its named agency; with a purpose, only that purpose."""
    if not _same(consent.recipient, recipient):
        return False
    return not consent.purpose or not purpose or _same(consent.purpose, purpose)


def share_check(
    *, person: Person, recipient: str, purpose: str = "", on: dt.date | None = None
) -> ShareCheck:
    """The person's consent to share with `recipient` for `purpose` current on `on` (today)."""
    on = on or timezone.localdate()
    candidates = [
        consent
        for consent in Consent.objects.filter(
            person=person, kind=ConsentKind.SHARE, given_on__lte=on
        ).order_by("-given_on", "-recorded_at")
        if _covers(consent, recipient, purpose)
    ]
    current = next((c for c in candidates if c.withdrawn_on is None or c.withdrawn_on > on), None)
    withdrawn = next((c for c in candidates if c.withdrawn_on is not None), None)
    return ShareCheck(consent=current, withdrawn=None if current else withdrawn)


def _source_of(source: Model | tuple[str, str, Any] | None) -> tuple[str, str, str]:
    if source is None:
        return "", "", ""
    if isinstance(source, Model):
        meta = source._meta
        return meta.app_label, meta.model_name or "", str(source.pk)
    app, model, pk = source
    return app, model, str(pk)


def _agreement_for(organisation_id: Any, recipient: str, on: dt.date) -> SharingAgreement | None:
    agreements = SharingAgreement.objects.filter(
        organisation_id=organisation_id, status=AgreementStatus.ACTIVE
    ).filter(Q(signed_on__isnull=True) | Q(signed_on__lte=on))
    return next((a for a in agreements if _same(a.partner, recipient)), None)


@transaction.atomic
def share_record(
    *,
    person: Person,
    recipient: str,
    purpose: str,
    kind: str,
    basis: str,
    shared_by: User | None,
    case: Case | None = None,
    organisation: Organisation | None = None,
    reason: str = "",
    consent: Consent | None = None,
    consent_given_now: bool = False,
    at: dt.datetime | None = None,
    source: Model | tuple[str, str, Any] | None = None,
) -> Share:
    """Record one share of the person's information (issue 15 item 2).

    With `basis` consent: the `consent` given, else the current consent `share_check` finds,
    else (`consent_given_now`: the person consented to this share on its own form, e.g. the
    MARAC referral's consent question) a new consent to share recorded with it. Refused when no
    current consent covers it. Without consent: the lawful basis (reference.md s7, e.g. DPA 2018
    Sch. 1 para 18 safeguarding) and the reason are both required."""
    at = at or timezone.now()
    recipient, purpose, reason = recipient.strip(), purpose.strip(), reason.strip()
    organisation_id: Any
    if case is not None:
        organisation_id = case.contract.provider_id
    elif organisation is not None:
        organisation_id = organisation.pk
    else:
        raise ValueError("give the case or the organisation that shares")
    refuse(
        {
            "recipient": "Enter who the information is shared with"
            if not recipient
            else text_problem(recipient, subject="The recipient", limit=NAME_LIMIT),
            "purpose": "Enter what the information is shared for"
            if not purpose
            else text_problem(purpose, subject="The purpose", limit=PURPOSE_LIMIT),
            "kind": None if kind in ShareKind.values else "Select the kind of share",
            "basis": None
            if basis in ShareBasis.values
            else "Select the consent or the lawful basis the share relies on",
        }
    )
    if basis == ShareBasis.CONSENT:
        consent = _consent_relied_on(
            person=person,
            case=case,
            recipient=recipient,
            purpose=purpose,
            consent=consent,
            consent_given_now=consent_given_now,
            shared_by=shared_by,
            on=timezone.localtime(at).date(),
        )
        reason = ""
    else:
        # reference.md s7: without consent, the basis used and why it applies
        refuse(
            {
                "reason": "Give the reason the information is shared without consent"
                if not reason
                else text_problem(reason, subject="The reason", limit=TEXT_LIMIT),
            }
        )
        consent = None
    app, model, source_id = _source_of(source)
    share = Share.objects.create(
        organisation_id=organisation_id,
        person=person,
        case=case,
        kind=kind,
        recipient=recipient,
        purpose=purpose,
        basis=basis,
        consent=consent,
        reason=reason,
        agreement=_agreement_for(organisation_id, recipient, timezone.localtime(at).date()),
        shared_at=at,
        shared_by=shared_by,
        source_app=app,
        source_model=model,
        source_id=source_id,
    )
    audit_event(
        actor=shared_by,
        action=AuditAction.CREATE,
        target=share,
        changes={
            "person": [None, str(person.pk)],
            "kind": [None, kind],
            "recipient": [None, recipient],
            "basis": [None, basis],
            "consent": [None, str(consent.pk) if consent else None],
            "source": [None, f"{app}.{model}:{source_id}" if app else None],
        },
    )
    return share


def _consent_relied_on(
    *,
    person: Person,
    case: Case | None,
    recipient: str,
    purpose: str,
    consent: Consent | None,
    consent_given_now: bool,
    shared_by: User | None,
    on: dt.date,
) -> Consent:
    if consent is not None:
        consent = Consent.objects.get(pk=consent.pk)  # as it is now: withdrawn since?
        if consent.person_id != person.pk:
            raise ValueError("the consent is not the person's")
        if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
            refuse(
                {
                    "basis": f"The consent was withdrawn on {consent.withdrawn_on:%-d %B %Y}: "
                    "give the lawful basis and the reason, or do not share"
                }
            )
        return consent
    check = share_check(person=person, recipient=recipient, purpose=purpose, on=on)
    if check.consent is not None:
        return check.consent
    if consent_given_now and shared_by is not None:
        return consent_record(
            person=person,
            case=case,
            kind=ConsentKind.SHARE,
            recipient=recipient,
            purpose=purpose,
            given_on=on,
            how_given=HowGiven.WITH_SHARE,
            recorded_by=shared_by,
        )
    if check.withdrawn is not None:
        refuse(
            {
                "basis": f"Consent to share with {recipient} was withdrawn on "
                f"{check.withdrawn.withdrawn_on:%-d %B %Y}: give the lawful basis and the "
                "reason, or do not share"
            }
        )
    refuse(
        {
            "basis": f"No current consent covers sharing with {recipient}: record the consent, "
            "or give the lawful basis and the reason"
        }
    )
    raise AssertionError("unreachable")


def share_record_once(
    *,
    person: Person,
    recipient: str,
    purpose: str,
    kind: str,
    basis: str,
    shared_by: User | None,
    source: Model | tuple[str, str, Any],
    organisation: Organisation | None = None,
    case: Case | None = None,
    reason: str = "",
    at: dt.datetime | None = None,
) -> Share:
    """`share_record`, unless this record was already shared for this purpose with this
    recipient (a status shown again shares nothing new): the earlier share."""
    app, model, source_id = _source_of(source)
    earlier = Share.objects.filter(
        source_app=app,
        source_model=model,
        source_id=source_id,
        kind=kind,
        purpose=purpose.strip(),
        recipient=recipient.strip(),
    ).first()
    if earlier is not None:
        return earlier
    return share_record(
        person=person,
        recipient=recipient,
        purpose=purpose,
        kind=kind,
        basis=basis,
        shared_by=shared_by,
        source=source,
        organisation=organisation,
        case=case,
        reason=reason,
        at=at,
    )
