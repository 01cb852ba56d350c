"""Partner (victim) liaison for the perpetrator programme (seed 001 Lot 4 s1 "identify current or
previous partners and children and to liaise with them throughout process", s5 "Integrated
partner support through working with the local domestic violence victim service"; Lot 3 s5
"Support and liaison for those partners of local perpetrators on the Perpetrator Intervention
Service Programme").

Liaison is kept on the victim's side: a worker who may change the victim's case links it to the
perpetrator's place by the perpetrator's reference code (seed 001 Lot 2 s5 "Use of unique
reference code as provided by victim, family or perpetrator service, to follow through all
contact") and records the contacts there. The perpetrator's side reads only
`selectors.liaison_summary`.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.access.scope import may_change_case
from haven.accounts.models import User
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.programmes.models import (
    Enrolment,
    PartnerContact,
    PartnerLiaison,
    PreGroupContactMethod,
    ProgrammeKind,
)
from haven.programmes.services import OPEN
from haven.validators import date_problem, refuse, text_problem

NOTES_MAX = 5_000
NOT_FOUND = "No current perpetrator programme place has that reference code"


def _day(value: date | None, subject: str, earliest: date | None = None) -> str | None:
    if value is None:
        return f"Enter the {subject.lower()}"
    if value > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(value, subject=subject, earliest=earliest)


@transaction.atomic
def partner_liaison_start(
    *, victim_case: Case, perpetrator_reference: str, started_on: date | None, by: User
) -> PartnerLiaison:
    """Link the victim's case to the perpetrator's current programme place; `by` becomes the
    liaison worker. Refuses the victim's own reference, an unknown one, and a place with
    liaison in place already. The perpetrator's case is never opened or shown."""
    if not may_change_case(by, victim_case):
        raise PermissionDenied
    refusal = record_refusal(victim_case)
    if refusal:
        raise ValidationError(refusal)
    reference = perpetrator_reference.strip().upper()
    refuse(
        {
            "perpetrator_reference": None
            if reference
            else "Enter the perpetrator's reference code",
            "started_on": _day(started_on, "Date liaison started"),
        }
    )
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(
            case__person__reference_code=reference,
            run__programme__kind=ProgrammeKind.PERPETRATOR,
            status__in=OPEN,
        )
        .order_by("-offered_on")
        .first()
    )
    if enrolment is None or enrolment.case.person_id == victim_case.person_id:
        refuse({"perpetrator_reference": NOT_FOUND})
    assert enrolment is not None
    if PartnerLiaison.objects.filter(enrolment_id=enrolment.pk).exists():
        refuse({"perpetrator_reference": "Partner liaison is already in place for this place"})
    assert started_on is not None
    liaison = PartnerLiaison.objects.create(
        enrolment_id=enrolment.pk,
        victim_case=victim_case,
        liaison_worker=by,
        started_on=started_on,
    )
    audit_event(actor=by, action=AuditAction.CREATE, target=liaison)
    return liaison


@transaction.atomic
def partner_contact_record(
    *,
    liaison: PartnerLiaison,
    contacted_on: date | None,
    method: str,
    risk_concern_raised: bool,
    notes: str,
    by: User,
) -> PartnerContact:
    """A liaison contact with the victim, recorded on the victim's side by someone who may
    change the victim's case. Its notes stay there."""
    liaison = PartnerLiaison.objects.select_related("victim_case__contract").get(pk=liaison.pk)
    if not may_change_case(by, liaison.victim_case):
        raise PermissionDenied
    if liaison.ended_on is not None:
        raise ValidationError("This partner liaison has ended")
    notes = notes.strip()
    refuse(
        {
            "contacted_on": _day(contacted_on, "Date of contact", earliest=liaison.started_on),
            "method": None
            if method in PreGroupContactMethod.values
            else "Select how the contact was made",
            "notes": text_problem(notes, subject="Notes", limit=NOTES_MAX),
        }
    )
    assert contacted_on is not None
    contact = PartnerContact.objects.create(
        liaison=liaison,
        contacted_on=contacted_on,
        method=method,
        risk_concern_raised=risk_concern_raised,
        notes=notes,
        recorded_by=by,
    )
    audit_event(
        actor=by,
        action=AuditAction.CREATE,
        target=contact,
        changes={"risk_concern_raised": [None, risk_concern_raised]},
    )
    return contact
