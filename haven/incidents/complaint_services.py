"""Record complaints (received, each stage of the provider's procedure with its response due,
the outcome and learning) and compliments; atomic and audited (STYLE habit 1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError as ProfileError

from haven.accounts.models import User
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.contracts.profiles.schema import DEFAULT_COMPLAINT_STAGES, ComplaintStageSpec
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import WorkingDayCalendar
from haven.incidents.models import (
    Complaint,
    ComplaintOutcome,
    ComplaintRoute,
    ComplaintStage,
    ComplaintSubject,
    Compliment,
    FromCategory,
)
from haven.validators import date_problem, refuse, text_problem

SUMMARY_MAX_LENGTH = 5_000
ABOUT_MAX_LENGTH = 300


@dataclass(frozen=True)
class StagePolicy:
    key: str
    label: str
    working_days: int


def complaint_policy(contract: Contract) -> tuple[tuple[StagePolicy, ...], WorkingDayCalendar]:
    """The stages of the provider's complaints procedure (the profile's `complaints:`, or the
    default: informal 5, formal stage 1 10, stage 2 20 working days) and its working days."""
    stages: tuple[ComplaintStageSpec, ...]
    try:
        profile = profile_of(contract)
    except (ProfileError, ValueError):
        stages, calendar = DEFAULT_COMPLAINT_STAGES, WorkingDayCalendar()
    else:
        stages, calendar = tuple(profile.complaints.stages), profile.working_day_calendar()
    return tuple(StagePolicy(s.key, s.label, s.working_days) for s in stages), calendar


def _received_problem(received_on: date) -> str | None:
    if received_on > timezone.localdate():
        return "Date received must be today or in the past"
    return date_problem(received_on, subject="Date received")


def _new_stage(
    complaint: Complaint,
    policy: StagePolicy,
    position: int,
    started_on: date,
    calendar: WorkingDayCalendar,
) -> ComplaintStage:
    return ComplaintStage.objects.create(
        complaint=complaint,
        stage=policy.key,
        label=policy.label,
        position=position,
        started_on=started_on,
        working_days=policy.working_days,
        # the response is due that many working days after the stage started
        response_due_on=calendar.add_working_days(started_on, policy.working_days),
    )


@transaction.atomic
def complaint_record(
    *,
    contract: Contract,
    recorded_by: User,
    received_on: date,
    complainant: str,
    route: str,
    subject: str,
    summary: str,
    stage: str,
    case: Case | None = None,
) -> Complaint:
    """A complaint received, entering the procedure at `stage` (one of the profile's stages: a
    complaint may go straight to a formal stage). Its response is due from the day received."""
    if case is not None and case.contract_id != contract.pk:
        raise ValueError("the case is not under this contract")
    summary = summary.strip()
    stages, calendar = complaint_policy(contract)
    by_key = {s.key: (i, s) for i, s in enumerate(stages)}
    refuse(
        {
            "received_on": _received_problem(received_on),
            "complainant": None
            if complainant in FromCategory.values
            else "Select who the complaint is from",
            "route": None if route in ComplaintRoute.values else "Select how it was received",
            "subject": None if subject in ComplaintSubject.values else "Select what it is about",
            "summary": "Enter what the complaint is about"
            if not summary
            else text_problem(summary, subject="The complaint", limit=SUMMARY_MAX_LENGTH),
            "stage": None if stage in by_key else "Select the stage it starts at",
        }
    )
    complaint = Complaint(
        contract=contract,
        case=case,
        received_on=received_on,
        complainant=complainant,
        route=route,
        subject=subject,
        summary=summary,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    complaint.save(force_insert=True)
    position, policy = by_key[stage]
    first = _new_stage(complaint, policy, position, received_on, calendar)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=complaint,
        changes={
            "received_on": [None, received_on],
            "complainant": [None, complainant],
            "route": [None, route],
            "subject": [None, subject],
            "stage": [None, stage],
            "response_due_on": [None, first.response_due_on],
            "case": [None, str(case.pk) if case else None],
        },
    )
    return complaint


def next_stage(complaint: Complaint) -> StagePolicy | None:
    """The stage after the complaint's latest one in its procedure, or None at the last."""
    stages, _ = complaint_policy(complaint.contract)
    latest = complaint.stages.order_by("-position").first()
    position = -1 if latest is None else latest.position
    return stages[position + 1] if position + 1 < len(stages) else None


def escalation_refusal(complaint: Complaint) -> str | None:
    if complaint.is_resolved:
        return "This complaint is resolved"
    if next_stage(complaint) is None:
        return "This complaint is at the last stage of the procedure"
    return None


def response_refusal(stage: ComplaintStage) -> str | None:
    if stage.responded_on is not None:
        return "This stage has been responded to"
    return resolution_refusal(stage.complaint)


def resolution_refusal(complaint: Complaint) -> str | None:
    if complaint.is_resolved:
        return "This complaint is resolved"
    return None


@transaction.atomic
def complaint_stage_respond(
    *, stage: ComplaintStage, responded_by: User, responded_on: date, response: str
) -> ComplaintStage:
    """The provider's response at one stage (on or after the stage started, not in the future)."""
    stage = ComplaintStage.objects.select_for_update().select_related("complaint").get(pk=stage.pk)
    refusal = response_refusal(stage)
    if refusal:
        raise ValidationError(refusal)
    response = response.strip()
    refuse(
        {
            "responded_on": "Date of the response must be today or in the past"
            if responded_on > timezone.localdate()
            else date_problem(
                responded_on, subject="Date of the response", earliest=stage.started_on
            ),
            "response": text_problem(response, subject="The response", limit=SUMMARY_MAX_LENGTH),
        }
    )
    stage.responded_on, stage.response = responded_on, response
    stage.save(update_fields=["responded_on", "response", "updated_at"])
    audit_event(
        actor=responded_by,
        action=AuditAction.UPDATE,
        target=stage.complaint,
        changes={f"{stage.stage}_responded_on": [None, responded_on]},
    )
    return stage


@transaction.atomic
def complaint_escalate(
    *, complaint: Complaint, escalated_by: User, escalated_on: date
) -> ComplaintStage:
    """The complainant takes it to the procedure's next stage on `escalated_on`: a new response
    is due from that day."""
    complaint = (
        Complaint.objects.select_for_update().select_related("contract").get(pk=complaint.pk)
    )
    refusal = escalation_refusal(complaint)
    if refusal:
        raise ValidationError(refusal)
    latest = complaint.stages.order_by("-position").first()
    earliest = latest.started_on if latest else complaint.received_on
    refuse(
        {
            "escalated_on": "Date must be today or in the past"
            if escalated_on > timezone.localdate()
            else date_problem(escalated_on, subject="Date", earliest=earliest)
        }
    )
    policy = next_stage(complaint)
    assert policy is not None  # escalation_refusal said so
    stages, calendar = complaint_policy(complaint.contract)
    position = [s.key for s in stages].index(policy.key)
    stage = _new_stage(complaint, policy, position, escalated_on, calendar)
    audit_event(
        actor=escalated_by,
        action=AuditAction.UPDATE,
        target=complaint,
        changes={"stage": [latest.stage if latest else None, policy.key]},
    )
    return stage


@transaction.atomic
def complaint_resolve(
    *, complaint: Complaint, resolved_by: User, outcome: str, resolved_on: date, learning: str
) -> Complaint:
    """The outcome (upheld, partly upheld, not upheld, withdrawn) and the learning: resolved."""
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    refusal = resolution_refusal(complaint)
    if refusal:
        raise ValidationError(refusal)
    learning = learning.strip()
    refuse(
        {
            "outcome": None if outcome in ComplaintOutcome.values else "Select the outcome",
            "resolved_on": "Date resolved must be today or in the past"
            if resolved_on > timezone.localdate()
            else date_problem(resolved_on, subject="Date resolved", earliest=complaint.received_on),
            "learning": text_problem(learning, subject="Learning", limit=SUMMARY_MAX_LENGTH),
        }
    )
    complaint.outcome, complaint.resolved_on, complaint.learning = outcome, resolved_on, learning
    complaint.save(update_fields=["outcome", "resolved_on", "learning", "updated_at"])
    audit_event(
        actor=resolved_by,
        action=AuditAction.UPDATE,
        target=complaint,
        changes={"outcome": ["", outcome], "resolved_on": [None, resolved_on]},
    )
    return complaint


@transaction.atomic
def compliment_record(
    *,
    contract: Contract,
    recorded_by: User,
    received_on: date,
    complimenter: str,
    about: str,
    case: Case | None = None,
) -> Compliment:
    """A compliment received about the service (seed 004 s10)."""
    if case is not None and case.contract_id != contract.pk:
        raise ValueError("the case is not under this contract")
    about = about.strip()
    refuse(
        {
            "received_on": _received_problem(received_on),
            "complimenter": None
            if complimenter in FromCategory.values
            else "Select who the compliment is from",
            "about": "Enter what the compliment is about"
            if not about
            else text_problem(about, subject="What it is about", limit=ABOUT_MAX_LENGTH),
        }
    )
    compliment = Compliment(
        contract=contract,
        case=case,
        received_on=received_on,
        complimenter=complimenter,
        about=about,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    compliment.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=compliment,
        changes={"received_on": [None, received_on], "complimenter": [None, complimenter]},
    )
    return compliment
