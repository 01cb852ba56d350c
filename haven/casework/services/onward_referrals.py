"""Onward referrals (issue 11 item 4): made to an agency in the provider's directory (or
another, named), for one of the profile's needs areas, with consent or a safeguarding reason to
share without it; later its outcome (accepted, declined, no reply). A referral meets the
profile's "onward referral" exit requirement (services/closure.py)."""

from __future__ import annotations

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Agency,
    AgencyType,
    Case,
    OnwardReferral,
    OnwardReferralKind,
    ReferralOutcome,
)
from haven.casework.rules import record_refusal
from haven.casework.services.events import case_event_record
from haven.casework.services.exit_steps import (
    SUMMARY_MAX_LENGTH,
    ExitStepRefusedError,
    audit_created,
    exit_step_check,
    onward_referral_summary,
)
from haven.casework.services.needs_area_levels import needs_areas
from haven.casework.share_hooks import onward_referral_shared
from haven.core.auditor import audit_event
from haven.core.lawful_basis import WITHOUT_CONSENT, ShareBasis
from haven.core.models import AuditAction
from haven.validators import format_day, moment_problem, refuse, text_problem

AGENCY_MAX_LENGTH = 200
NEED_MAX_LENGTH = 200
OVERRIDE_MAX_LENGTH = 1000
AGENCY_TYPES = dict(AgencyType.choices)
KINDS = dict(OnwardReferralKind.choices)
# what a reply can say; "awaiting" is only the state before one is recorded
OUTCOMES = {
    outcome.value: outcome.label
    for outcome in ReferralOutcome
    if outcome != ReferralOutcome.AWAITING
}
# reference.md "Marac referral form fields", Consent: "If not, can you satisfy the requirement to
# share without consent?"; seed 003 "Information Sharing": protocols "that clearly define under
# what circumstances confidentiality may be breached". Haven refuses a referral without consent
# unless the worker writes the safeguarding reason for sharing without it (kept and audited).
NO_CONSENT = (
    "You cannot record a referral the survivor did not consent to, unless you give the "
    "safeguarding reason for sharing without consent. If no referral was made, give the reason "
    "when you close the case"
)
# reference.md s7: without consent, a share relies on an Art. 6 basis with an Art. 9 / Sch. 1
# condition; the worker names which (the share register records it)
BASIS_MISSING = "Select the lawful basis for sharing without consent"
BASES_WITHOUT_CONSENT = {basis.value: basis.label for basis in WITHOUT_CONSENT}


def directory_agency_problem(case: Case, agency: Agency) -> str | None:
    """Why this directory entry cannot be picked for this case, or None."""
    if agency.organisation_id != case.contract.provider_id:
        return "Select an agency from your organisation’s directory"
    if not agency.is_active:
        return "That agency is no longer active in the directory: select another"
    return None


def _need_label(case: Case, need_area: str) -> str:
    labels = {area.key: area.label for area in needs_areas(case)}
    return labels.get(need_area, "")


@transaction.atomic
def onward_referral_record(
    *,
    case: Case,
    recorded_by: User,
    made_at: datetime,
    consent: bool,
    agency: str = "",
    agency_type: str = "",
    need: str = "",
    note: str = "",
    directory_agency: Agency | None = None,
    kind: str = OnwardReferralKind.REFERRAL,
    need_area: str = "",
    consent_override: str = "",
    override_basis: str = ShareBasis.SAFEGUARDING,
) -> OnwardReferral:
    """An onward referral sent (`made_at`), to `directory_agency` (its name and type are used)
    or to the `agency` named with its `agency_type`; `need_area` is a key of the profile's needs
    areas. Without consent it is refused unless `consent_override` gives the reason and
    `override_basis` a lawful basis other than consent (reference.md s7; safeguarding unless
    said otherwise, as before the basis was asked).
    """
    exit_step_check(case, made_at, "made_at")
    if directory_agency is not None:
        problem = directory_agency_problem(case, directory_agency)
        if problem:
            raise ExitStepRefusedError("directory_agency", problem)
        agency, agency_type = directory_agency.name, directory_agency.agency_type
    agency, need, note = agency.strip(), need.strip(), note.strip()
    consent_override = consent_override.strip()
    if not agency:
        raise ExitStepRefusedError("agency", "Enter the agency or service referred to")
    if len(agency) > AGENCY_MAX_LENGTH or len(need) > NEED_MAX_LENGTH:
        field = "agency" if len(agency) > AGENCY_MAX_LENGTH else "need"
        raise ExitStepRefusedError(field, "That is too long")
    if agency_type not in AGENCY_TYPES:
        raise ExitStepRefusedError("agency_type", "Select the type of agency or service")
    if kind not in KINDS:
        raise ExitStepRefusedError("kind", "Select whether it is a referral or passed directly")
    if need_area and need_area not in {area.key for area in needs_areas(case)}:
        raise ExitStepRefusedError("need_area", "Select a need from the contract’s needs areas")
    if not consent and not consent_override:
        raise ExitStepRefusedError("consent", NO_CONSENT)
    override_problem = text_problem(
        consent_override, subject="The safeguarding reason", limit=OVERRIDE_MAX_LENGTH
    )
    if override_problem:
        raise ExitStepRefusedError("consent_override", override_problem)
    if not consent and override_basis not in WITHOUT_CONSENT:
        raise ExitStepRefusedError("override_basis", BASIS_MISSING)
    if consent:
        consent_override, override_basis = "", ""
    if len(note) > SUMMARY_MAX_LENGTH:
        raise ExitStepRefusedError("note", f"Note must be {SUMMARY_MAX_LENGTH} characters or less")
    need = need or _need_label(case, need_area)
    referral = OnwardReferral.objects.create(
        case=case,
        made_at=made_at,
        agency=agency,
        agency_type=agency_type,
        need=need,
        consent=consent,
        note=note,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
        directory_agency=directory_agency,
        kind=kind,
        need_area=need_area,
        consent_override=consent_override,
        override_basis=override_basis,
    )
    audit_created(
        recorded_by,
        referral,
        {
            "made_at": made_at,
            "agency": agency,
            "agency_type": agency_type,
            "consent": consent,
            "kind": kind,
        }
        | ({"need": need} if need else {})
        | ({"need_area": need_area} if need_area else {})
        | ({"directory_agency": str(directory_agency.pk)} if directory_agency else {})
        # the reason is part of the record of sharing without consent (seed 003 Information
        # Sharing): audited so it can be reviewed
        | ({"consent_override": consent_override} if consent_override else {})
        | ({"override_basis": override_basis} if override_basis else {}),
    )
    data = {"note": note} if note else {}
    if consent_override:
        data["consent_override"] = consent_override
        data["override_basis"] = ShareBasis(override_basis).label
    case_event_record(
        case=case,
        kind=CaseEventKind.ONWARD_REFERRAL,
        actor=recorded_by,
        target=referral,
        summary=onward_referral_summary(
            agency, need, passed_on=kind == OnwardReferralKind.PASSED_ON
        ),
        data=data,  # shown on the timeline, never counted
        occurred_at=made_at,
    )
    onward_referral_shared(referral)  # issue 15 item 2: the share register (haven/consent)
    return referral


def onward_referral_outcome_refusal(referral: OnwardReferral) -> str | None:
    """Why no outcome may be recorded for this referral now (its case is closed), or None."""
    return record_refusal(referral.case)


def outcome_summary(referral: OnwardReferral, outcome: str) -> str:
    return f"Onward referral to {referral.agency}: {ReferralOutcome(outcome).label.lower()}"


@transaction.atomic
def onward_referral_outcome_record(
    *,
    referral: OnwardReferral,
    recorded_by: User,
    outcome: str,
    outcome_at: datetime,
    note: str = "",
) -> OnwardReferral:
    """What the agency did with the referral (accepted, declined) or that it never replied, and
    when; a later reply replaces an earlier outcome (both stay in the audit and on the timeline).
    Refuses a closed case, an unknown outcome, a time in the future or before the referral."""
    refusal = onward_referral_outcome_refusal(referral)
    if refusal:
        raise ValidationError(refusal)
    note = note.strip()
    made = timezone.localtime(referral.made_at)
    refuse(
        {
            "outcome": None if outcome in OUTCOMES else "Select what happened to the referral",
            "outcome_at": moment_problem(
                outcome_at,
                subject="Date of the outcome",
                now=timezone.now(),
                not_before=referral.made_at.replace(second=0, microsecond=0),
                not_before_what=f"{made:%H:%M} on {format_day(made.date())}, when it was sent",
            ),
            "note": text_problem(note, subject="Note", limit=SUMMARY_MAX_LENGTH),
        }
    )
    before = {"outcome": referral.outcome, "outcome_at": referral.outcome_at}
    referral.outcome, referral.outcome_at, referral.outcome_note = outcome, outcome_at, note
    referral.save(update_fields=["outcome", "outcome_at", "outcome_note", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=referral,
        changes={
            "outcome": [before["outcome"], outcome],
            "outcome_at": [before["outcome_at"], outcome_at],
        },
    )
    case_event_record(
        case=referral.case,
        kind=CaseEventKind.ONWARD_REFERRAL_OUTCOME,
        actor=recorded_by,
        target=referral,
        summary=outcome_summary(referral, outcome),
        data={"note": note} if note else {},
        occurred_at=outcome_at,
    )
    return referral
